package com.oshun.nurture.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.oshun.nurture.enrollment.StepRun;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Step gauges: {@code nurture_steps_due}, {@code nurture_steps_scheduled},
 * {@code nurture_steps_recent{status}}, {@code nurture_steps_skipped_recent{reason}} and
 * {@code nurture_step_lag_seconds{quantile}} (due to sent, last 24 h).
 */
@Component
class StepMetrics implements MeterBinder {

	private final StepStats stats;

	private MultiGauge skipped;

	StepMetrics(StepStats stats) {
		this.stats = stats;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("nurture.steps.due", stats, s -> s.snapshot().due())
			.description("Scheduled steps whose due time has come")
			.register(registry);
		Gauge.builder("nurture.steps.scheduled", stats, s -> s.snapshot().scheduled())
			.description("Steps planned and not yet run")
			.register(registry);
		for (String status : StepRun.Status.ended().stream().map(StepRun.Status::value).toList()) {
			Gauge.builder("nurture.steps.recent", stats, s -> s.snapshot().byStatus().get(status))
				.description("Steps that ended in this status in the last 24 h")
				.tag("status", status)
				.register(registry);
		}
		for (String quantile : List.of("0.5", "0.95", "max")) {
			Gauge.builder("nurture.step.lag", stats, s -> s.snapshot().lagSeconds().get(quantile))
				.description("Seconds from due to sent, over the steps sent in the last 24 h")
				.baseUnit("seconds")
				.tag("quantile", quantile)
				.register(registry);
		}
		skipped = MultiGauge.builder("nurture.steps.skipped.recent")
			.description("Steps skipped in the last 24 h, by the kind of reason")
			.register(registry);
		registerSkipped(stats.snapshot().skippedByReason());
	}

	/**
	 * Read the step runs again before a scrape; skip reasons come and go, so their gauges
	 * are re-registered each time.
	 */
	void refresh() {
		registerSkipped(stats.refresh().skippedByReason());
	}

	private void registerSkipped(Map<String, Long> reasons) {
		skipped.register(reasons.entrySet()
			.stream()
			.map(e -> MultiGauge.Row.of(Tags.of("reason", e.getKey()), e.getValue()))
			.map(Function.<MultiGauge.Row<?>>identity())
			.toList(), true);
	}

}
