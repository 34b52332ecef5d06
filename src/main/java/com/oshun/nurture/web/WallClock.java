package com.oshun.nurture.web;

import java.time.Clock;
import java.time.Instant;

/**
 * Real time, for what outside systems sign and count (webhook timestamps, rate limits),
 * apart from the engine's {@code Clock}, which may be simulated. One bean; a test may
 * build its own fixed one.
 */
public record WallClock(Clock clock) {

	public Instant now() {
		return clock.instant();
	}

}
