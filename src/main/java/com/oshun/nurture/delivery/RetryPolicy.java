package com.oshun.nurture.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again after a 429, a 5xx or a timeout: exponential backoff from
 * {@code base}, capped at {@code max}, with jitter so throttled steps do not return
 * together.
 */
class RetryPolicy {

	private final Duration base;

	private final Duration max;

	private final DoubleSupplier random;

	RetryPolicy(Duration base, Duration max, DoubleSupplier random) {
		this.base = base;
		this.max = max;
		this.random = random;
	}

	/**
	 * @param attempt the attempt that just failed, from 1
	 * @param notBefore a time the peer or our budget named, or null
	 */
	Instant next(int attempt, Instant now, Instant notBefore) {
		long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
		long millis = Math.min(base.toMillis() * factor, max.toMillis());
		long jittered = (long) (millis * (0.5 + random.getAsDouble() / 2));
		Instant backoff = now.plusMillis(Math.max(jittered, 1000));
		return (notBefore != null && notBefore.isAfter(backoff)) ? notBefore : backoff;
	}

}
