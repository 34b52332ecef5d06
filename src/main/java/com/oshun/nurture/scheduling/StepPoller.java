package com.oshun.nurture.scheduling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.web.FailureKinds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Drives {@link DueSteps} on the system clock: {@code workers} threads each claim a
 * batch, see it composed and delivered on a shared pool of {@code threads}, record it,
 * and claim again at once while work is due (idle, they look every
 * {@code pollingInterval}). A heartbeat renews the leases of the steps in hand. On the
 * simulated clock nothing runs here: {@link ClockAdvancer} works the steps as it moves
 * the clock.
 */
@Component
@Profile("!import")
class StepPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StepPoller.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final DueSteps steps;

	private final NurtureSettings.Scheduler tuning;

	private final ClockAdvancer advancer;

	private final List<Thread> workers = new ArrayList<>();

	private ExecutorService deliveries;

	private ScheduledExecutorService heartbeat;

	private volatile boolean running;

	StepPoller(DueSteps steps, NurtureSettings settings, ClockAdvancer advancer) {
		this.steps = steps;
		this.tuning = settings.scheduler();
		this.advancer = advancer;
	}

	@Override
	public synchronized void start() {
		running = true;
		if (advancer.simulated()) {
			return;
		}
		deliveries = Executors.newFixedThreadPool(tuning.threads(), named("step-delivery-"));
		heartbeat = Executors.newSingleThreadScheduledExecutor(named("step-heartbeat-"));
		long beat = tuning.heartbeatInterval().toMillis();
		heartbeat.scheduleWithFixedDelay(this::renew, beat, beat, TimeUnit.MILLISECONDS);
		ThreadFactory workerThreads = named("step-worker-");
		for (int i = 0; i < tuning.workers(); i++) {
			Thread worker = workerThreads.newThread(this::work);
			workers.add(worker);
			worker.start();
		}
	}

	private void work() {
		Duration backoff = tuning.pollingInterval();
		while (running) {
			try {
				if (steps.runBatch(tuning.batchSize(), deliveries) == 0) {
					pause(tuning.pollingInterval());
				}
				backoff = tuning.pollingInterval();
			}
			catch (Throwable ex) {
				// Whatever broke (the database is down, a bug, even an Error), the worker
				// goes on: the batch's steps stay in flight and come back when their
				// leases run out. Nothing is lost; try again later.
				log.warn("A batch of steps failed ({}); retrying in {}", FailureKinds.of(ex), backoff);
				log.debug("The batch's failure", ex);
				pause(backoff);
				backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
			}
		}
	}

	private void renew() {
		try {
			steps.renewLeases();
		}
		catch (Throwable ex) {
			// A task that throws is never run again by its executor: the heartbeat must
			// not.
			log.warn("Could not renew the leases of the steps in hand ({})", FailureKinds.of(ex));
			log.debug("The renewal's failure", ex);
		}
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	/**
	 * Let the batches in hand finish (their steps would otherwise wait for the lease).
	 */
	@Override
	public synchronized void stop() {
		running = false;
		for (Thread worker : workers) {
			try {
				worker.join(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		workers.clear();
		if (deliveries != null) {
			deliveries.shutdownNow();
			heartbeat.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
