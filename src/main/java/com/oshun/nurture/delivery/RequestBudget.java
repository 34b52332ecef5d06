package com.oshun.nurture.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sliding one-minute window per key. It never blocks: a caller over budget learns when
 * to come back, so a busy conversation or a throttled account holds back only its own
 * step.
 */
class RequestBudget {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private static final Duration PRUNE_EVERY = Duration.ofSeconds(5);

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Deque<Instant>> used = new HashMap<>();

	/** When keys whose window has passed were last dropped. */
	private Instant pruned = Instant.MIN;

	RequestBudget(int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	/** Take one unit for {@code key}; empty when granted, else when one frees up. */
	synchronized Optional<Instant> take(String key) {
		Instant now = clock.instant();
		Deque<Instant> times = used.computeIfAbsent(key, k -> new ArrayDeque<>());
		while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
			times.pollFirst();
		}
		if (times.size() >= perMinute) {
			return Optional.of(times.peekFirst().plus(WINDOW));
		}
		times.addLast(now);
		if (used.size() > 10_000 && pruned.plus(PRUNE_EVERY).isBefore(now)) {
			// At most every few seconds: a scan of every key on each call would make a
			// busy node's every delivery pay for all its conversations.
			used.values().removeIf(t -> t.peekLast().plus(WINDOW).isBefore(now));
			pruned = now;
		}
		return Optional.empty();
	}

}
