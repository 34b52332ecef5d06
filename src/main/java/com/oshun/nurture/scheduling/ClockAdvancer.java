package com.oshun.nurture.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the simulated clock: to the next due job, runs what is due, and repeats until the
 * target, so jobs run in order and the recurring checks fire at their own times.
 */
@Component
public class ClockAdvancer {

	private final Clock clock;

	private final Scheduler scheduler;

	private final JdbcClient jdbc;

	ClockAdvancer(Clock clock, Scheduler scheduler, JdbcClient jdbc) {
		this.clock = clock;
		this.scheduler = scheduler;
		this.jdbc = jdbc;
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
			manual.runAnyDueExecutions();
			next = nextDue(manual);
		}
		simulated.set(target);
		manual.runDeadExecutionDetection();
		manual.runAnyDueExecutions();
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
	 * The next due execution. A job left picked by a run that died (a crash mid-step) is
	 * revived first, once its heartbeat is stale on the simulated clock.
	 */
	private Optional<Instant> nextDue(ManualScheduler manual) {
		manual.runDeadExecutionDetection();
		return jdbc.sql("select min(execution_time) as next from scheduled_tasks where picked = false")
			.query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "next")))
			.single();
	}

	private void persist(Instant now) {
		jdbc.sql("""
				insert into simulated_clock (id, now) values (1, :now)
				on conflict (id) do update set now = excluded.now
				""").param("now", Timestamps.param(now)).update();
	}

}
