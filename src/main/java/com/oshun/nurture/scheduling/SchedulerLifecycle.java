package com.oshun.nurture.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Starts the scheduler once every bean (Flyway's migration included) is ready, and stops
 * it before the database goes away.
 */
@Component
@Profile("!import")
class SchedulerLifecycle implements SmartLifecycle {

	private final Scheduler scheduler;

	private final ClockAdvancer advancer;

	private volatile boolean running;

	SchedulerLifecycle(Scheduler scheduler, ClockAdvancer advancer) {
		this.scheduler = scheduler;
		this.advancer = advancer;
	}

	@Override
	public void start() {
		advancer.restore();
		scheduler.start();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		if (!advancer.simulated()) {
			scheduler.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
