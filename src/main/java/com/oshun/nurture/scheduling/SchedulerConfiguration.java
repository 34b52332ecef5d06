package com.oshun.nurture.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import com.oshun.nurture.NurtureSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, wired by hand so the application and the scheduler share one clock. It is
 * given the transaction-aware {@link DataSource}, so a job scheduled inside a Spring
 * transaction commits or rolls back with the business write that needs it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	static final String SEND_STEP = "send-step";

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
	CustomTask<Void> sendStepTask(ObjectProvider<StepHandler> handlers) {
		return Tasks.custom(SEND_STEP, Void.class)
			// An unexpected failure (database down, a bug) retries with backoff: a step
			// is
			// delayed, never dropped.
			.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0))
			// A job whose node died is revived at the scheduler's own "now" (the
			// library's default
			// handler reads the wall clock, which a simulated clock does not follow).
			.onDeadExecution((complete, ops) -> ops.reschedule(complete, complete.getTimeDone()))
			.execute((instance, context) -> {
				StepJob job = StepJob.parse(instance.getId(), context.getExecution().executionTime);
				return handlers.getObject()
					.run(job)
					.<CompletionHandler<Void>>map(later -> (complete, ops) -> ops.reschedule(complete, later))
					.orElseGet(CompletionHandler.OnCompleteRemove::new);
			});
	}

	/**
	 * The client the engine schedules and cancels with; it joins the caller's
	 * transaction.
	 */
	@Bean
	SchedulerClient schedulerClient(DataSource dataSource, CustomTask<Void> sendStepTask) {
		return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), sendStepTask).build();
	}

	@Bean
	Scheduler scheduler(DataSource dataSource, NurtureSettings settings, Clock clock, CustomTask<Void> sendStepTask,
			List<RecurringCheck> checks) {
		DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
		List<RecurringTask<Void>> recurring = checks.stream()
			.map(check -> Tasks.recurring(check.name(), FixedDelay.of(settings.checksInterval()))
				.execute((instance, context) -> check.run()))
			.toList();
		// startTasks registers the recurring tasks; only the one-time task is listed
		// here.
		List<Task<?>> known = List.of(sendStepTask);
		if (clock instanceof SimulatedClock simulated) {
			return TestHelper.createManualScheduler(transactional, known)
				.clock((SettableClock) simulated.schedulerClock())
				.startTasks(recurring)
				.build();
		}
		NurtureSettings.Scheduler tuning = settings.scheduler();
		return Scheduler.create(transactional, known)
			.startTasks(recurring)
			.threads(tuning.threads())
			.pollingInterval(tuning.pollingInterval())
			.heartbeatInterval(tuning.heartbeatInterval())
			.pollUsingLockAndFetch(0.5, 1.0)
			.enableImmediateExecution()
			.build();
	}

}
