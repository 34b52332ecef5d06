package com.oshun.nurture.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import com.oshun.nurture.NurtureSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler runs the recurring checks (warm leads, lapsed patients, visits), wired by
 * hand so the application and the scheduler share one clock. Steps do not go through it:
 * they are their own queue ({@link DueSteps}), claimed in batches.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	/** The recurring checks run hourly: two threads, and a look every few seconds. */
	private static final int CHECK_THREADS = 2;

	private static final Duration CHECK_POLLING = Duration.ofSeconds(5);

	@Bean
	Clock clock(NurtureSettings settings) {
		if (!settings.simulatedClock()) {
			return Clock.systemUTC();
		}
		SettableClock schedulerClock = new SettableClock();
		String start = settings.clockStart();
		schedulerClock.set((start == null || start.isBlank()) ? Instant.now() : Instant.parse(start));
		return new SimulatedClock(schedulerClock);
	}

	@Bean
	Scheduler scheduler(DataSource dataSource, NurtureSettings settings, Clock clock, List<RecurringCheck> checks) {
		DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
		List<RecurringTask<Void>> recurring = checks.stream()
			.map(check -> Tasks.recurring(check.name(), FixedDelay.of(settings.checksInterval()))
				.execute((instance, context) -> check.run()))
			.toList();
		// startTasks registers the recurring tasks; there are no one-time tasks (steps
		// are their own queue, see DueSteps).
		List<Task<?>> known = List.of();
		if (clock instanceof SimulatedClock simulated) {
			return TestHelper.createManualScheduler(transactional, known)
				.clock((SettableClock) simulated.schedulerClock())
				.startTasks(recurring)
				.build();
		}
		NurtureSettings.Scheduler tuning = settings.scheduler();
		return Scheduler.create(transactional, known)
			.startTasks(recurring)
			.threads(CHECK_THREADS)
			.pollingInterval(CHECK_POLLING)
			.heartbeatInterval(tuning.heartbeatInterval())
			.build();
	}

}
