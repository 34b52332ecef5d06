package com.oshun.nurture.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;

/**
 * A virtual clock shared by the application and db-scheduler's {@code ManualScheduler}.
 * It only moves when {@link ClockAdvancer} moves it.
 */
public final class SimulatedClock extends Clock {

	private final SettableClock schedulerClock;

	SimulatedClock(SettableClock schedulerClock) {
		this.schedulerClock = schedulerClock;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		return schedulerClock.now();
	}

	SettableClock schedulerClock() {
		return schedulerClock;
	}

	void set(Instant now) {
		schedulerClock.set(now);
	}

}
