package com.oshun.nurture.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.oshun.nurture.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's workloads with tiny numbers on the shared test context, so the
 * benchmark cannot rot. Numbers are not asserted; only that each workload completes and
 * reports.
 */
class BenchSmokeTests extends IntegrationTest {

	@Autowired
	private Clock appClock;

	private BenchWorkloads bench() {
		// Dubai is at 12:00 on the simulated Monday 08:00 UTC: inside quiet hours.
		return new BenchWorkloads(jdbc, appClock::instant, this::pump, BenchWorkloads.inProcess(),
				new BenchWorkloads.Target(http.base(), SECRET, TOKEN, "Asia/Dubai", 4));
	}

	private void pump(BooleanSupplier done, Duration timeout) {
		for (int i = 0; i < 120 && !done.getAsBoolean(); i++) {
			advance("PT1S");
		}
	}

	@Test
	void stepPipelineRecordsEveryDueStep() {
		BenchWorkloads.Pipeline run = bench().pipeline("p1-", 20, Duration.ofMinutes(1));

		assertThat(run.delivered()).isEqualTo(20);
		assertThat(run.pendingBefore()).isZero();
		assertThat(run.stepsPerSecond()).isPositive();
		assertThat(run.maxHeapBytes()).isPositive();
		assertThat(jdbc.sql("select count(*) from nurture_step_runs where status = 'scheduled'")
			.query(Long.class)
			.single()).isEqualTo(60);
	}

	@Test
	void enrollmentAndImportAnswerEveryRequest() {
		BenchWorkloads.Webhooks enrolled = bench().enrollment("en-", 20);
		BenchWorkloads.Latency imported = bench().importContacts("im-", 10);

		assertThat(enrolled.answers().failures()).isZero();
		assertThat(enrolled.answers().p99Ms()).isPositive();
		assertThat(enrolled.visibleP99Ms()).isNotNegative();
		assertThat(imported.failures()).isZero();
		assertThat(jdbc.sql("select count(*) from nurture_enrollments where sequence_key = 'no_show'")
			.query(Long.class)
			.single()).isEqualTo(20);
	}

	@Test
	void bulkImportStreamsEveryGeneratedRow() {
		BenchWorkloads.BulkImport run = bench().bulkImport("bi-", 50);

		assertThat(run.imported()).isEqualTo(50);
		assertThat(run.rejected()).isZero();
		assertThat(run.cpu().serviceMs()).isNotNegative();
		assertThat(jdbc.sql("select count(*) from contacts where name like 'João Müller %'").query(Long.class).single())
			.isEqualTo(5);
	}

	@Test
	void cancelOnBookingEndsThePendingSteps() {
		BenchWorkloads bench = bench();
		BenchWorkloads.Seeding seeded = bench.seed("lg-", 40, false);
		BenchWorkloads.Webhooks cancel = bench.cancelOnBooking("lg-", 40, 10);

		assertThat(seeded.steps()).isEqualTo(160);
		assertThat(cancel.answers().failures()).isZero();
		assertThat(bench.pending()).isEqualTo(120);
		assertThat(jdbc.sql("select count(*) from nurture_step_runs where status = 'cancelled'")
			.query(Long.class)
			.single()).isEqualTo(40);
	}

	@Test
	void punctualityMeasuresEveryStep() {
		BenchWorkloads.Punctuality run = bench().punctuality("pu-", 20, Duration.ofSeconds(10), Duration.ofMinutes(1));

		assertThat(run.fired()).isEqualTo(20);
		assertThat(run.errorP99Ms()).isNotNaN();
	}

}
