package com.oshun.nurture.metrics;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code scheduler}: down while db-scheduler (the
 * recurring checks) shuts down, with the steps overdue by more than five minutes as a
 * detail (a growing number means no node is picking work up, or the engine is behind).
 */
@Component("schedulerHealthIndicator")
class SchedulerHealth extends AbstractHealthIndicator {

	private static final Duration OVERDUE = Duration.ofMinutes(5);

	private final Scheduler scheduler;

	private final JdbcClient jdbc;

	private final Clock clock;

	SchedulerHealth(Scheduler scheduler, JdbcClient jdbc, Clock clock) {
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		SchedulerState state = scheduler.getSchedulerState();
		long overdue = jdbc.sql("""
				select count(*) from nurture_step_runs s
				where s.status = 'scheduled' and s.due_at < :before
				  and exists (select 1 from nurture_enrollments e where e.id = s.enrollment_id and e.status = 'active')
				""").param("before", Timestamps.param(clock.instant().minus(OVERDUE))).query(Long.class).single();
		(state.isShuttingDown() ? builder.down() : builder.up()).withDetail("started", state.isStarted())
			.withDetail("paused", state.isPaused())
			.withDetail("overdueSteps", overdue);
	}

}
