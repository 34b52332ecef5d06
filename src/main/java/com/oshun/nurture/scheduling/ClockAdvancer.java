package com.oshun.nurture.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the simulated clock: to the next due step or check, runs what is due, and repeats
 * until the target, so steps run in order and the recurring checks fire at their own
 * times.
 */
@Component
public class ClockAdvancer {

	private static final int SIMULATED_BATCH = 100;

	private final Clock clock;

	private final Scheduler scheduler;

	private final JdbcClient jdbc;

	private final ObjectProvider<DueSteps> steps;

	ClockAdvancer(Clock clock, Scheduler scheduler, JdbcClient jdbc, ObjectProvider<DueSteps> steps) {
		this.clock = clock;
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.steps = steps;
	}

	public boolean simulated() {
		return clock instanceof SimulatedClock;
	}

	/** Advance to {@code target}, running every job due up to then; answers when done. */
	public synchronized Instant advanceTo(Instant target) {
		if (!(clock instanceof SimulatedClock simulated) || !(scheduler instanceof ManualScheduler manual)) {
			throw new IllegalStateException("the clock is not simulated");
		}
		if (target.isBefore(simulated.instant())) {
			throw new IllegalArgumentException("cannot move the clock back");
		}
		Optional<Instant> next = nextDue(manual);
		while (next.isPresent() && !next.get().isAfter(target)) {
			if (next.get().isAfter(simulated.instant())) {
				simulated.set(next.get());
			}
			runDue(manual);
			next = nextDue(manual);
		}
		simulated.set(target);
		manual.runDeadExecutionDetection();
		runDue(manual);
		persist(target);
		return target;
	}

	/**
	 * Set the simulated clock without running anything (tests start from a known
	 * instant).
	 */
	public synchronized void reset(Instant now) {
		((SimulatedClock) clock).set(now);
		persist(now);
	}

	/** Continue from the instant a previous run of this node reached. */
	void restore() {
		if (clock instanceof SimulatedClock simulated) {
			jdbc.sql("select now from simulated_clock where id = 1")
				.query((rs, n) -> Timestamps.read(rs, "now"))
				.optional()
				.filter(saved -> saved.isAfter(simulated.instant()))
				.ifPresent(simulated::set);
		}
	}

	/**
	 * The recurring checks due, then the due steps, batch after batch, in this thread (a
	 * test sees everything done when the clock has moved).
	 */
	private void runDue(ManualScheduler manual) {
		manual.runAnyDueExecutions();
		while (steps.getObject().runBatch(SIMULATED_BATCH, Runnable::run) > 0) {
			// until nothing more is due now
		}
	}

	/**
	 * The next due check or step. A check left picked by a run that died is revived
	 * first, once its heartbeat is stale on the simulated clock; a step left in flight
	 * comes back when its lease runs out.
	 */
	private Optional<Instant> nextDue(ManualScheduler manual) {
		manual.runDeadExecutionDetection();
		Optional<Instant> check = jdbc
			.sql("select min(execution_time) as next from scheduled_tasks where picked = false")
			.query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "next")))
			.single();
		Optional<Instant> step = steps.getObject().nextDue();
		if (check.isEmpty() || step.isEmpty()) {
			return check.isPresent() ? check : step;
		}
		return Optional.of(check.get().isBefore(step.get()) ? check.get() : step.get());
	}

	private void persist(Instant now) {
		jdbc.sql("""
				insert into simulated_clock (id, now) values (1, :now)
				on conflict (id) do update set now = excluded.now
				""").param("now", Timestamps.param(now)).update();
	}

}
