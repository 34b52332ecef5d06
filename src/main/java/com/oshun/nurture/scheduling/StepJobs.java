package com.oshun.nurture.scheduling;

import java.util.Collection;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The durable jobs behind planned steps. Every call joins the caller's transaction.
 */
@Component
public class StepJobs {

	private final SchedulerClient scheduler;

	private final CustomTask<Void> sendStep;

	private final JdbcClient jdbc;

	StepJobs(SchedulerClient schedulerClient, CustomTask<Void> sendStepTask, JdbcClient jdbc) {
		this.scheduler = schedulerClient;
		this.sendStep = sendStepTask;
		this.jdbc = jdbc;
	}

	/** Schedule the jobs of a new enrollment in one batch. */
	public void schedule(List<StepJob> jobs) {
		if (!jobs.isEmpty()) {
			scheduler.scheduleBatch(jobs.stream().<SchedulableInstance<?>>map(this::instance).toList());
		}
	}

	/** Schedule a job, or move it if it exists. */
	public void reschedule(StepJob job) {
		scheduler.schedule(instance(job), ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
	}

	/**
	 * Delete the pending jobs with these instance ids in one statement served by the
	 * primary key. A job that is executing right now is left alone: it re-checks its step
	 * and stops.
	 */
	public int cancel(Collection<String> instanceIds) {
		if (instanceIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				delete from scheduled_tasks
				where task_name = :task and task_instance = any(:ids) and picked = false
				""")
			.param("task", SchedulerConfiguration.SEND_STEP)
			.param("ids", instanceIds.toArray(String[]::new))
			.update();
	}

	private SchedulableInstance<Void> instance(StepJob job) {
		return sendStep.instanceBuilder(job.instanceId()).scheduledTo(job.dueAt());
	}

}
