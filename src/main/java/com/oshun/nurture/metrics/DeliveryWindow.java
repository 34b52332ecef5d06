package com.oshun.nurture.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one webhook endpoint answered in the last hour, in one-minute slots (so the hour
 * is counted to the minute and the memory stays fixed), and when it last accepted and
 * last refused a delivery.
 */
final class DeliveryWindow {

	static final Duration LENGTH = Duration.ofHours(1);

	private static final int SLOTS = (int) LENGTH.toMinutes();

	private final Minute[] slots = new Minute[SLOTS];

	private Instant lastAccepted;

	private Instant lastRefused;

	/** A delivery answered with {@code status} at {@code at}: any 2xx is accepted. */
	synchronized void add(int status, Instant at) {
		long minute = Math.floorDiv(at.getEpochSecond(), 60);
		int index = (int) Math.floorMod(minute, SLOTS);
		if (slots[index] == null || slots[index].minute != minute) {
			slots[index] = new Minute(minute);
		}
		if (status / 100 == 2) {
			slots[index].accepted++;
			lastAccepted = at;
		}
		else {
			slots[index].refused.merge(status, 1, Integer::sum);
			lastRefused = at;
		}
	}

	synchronized Summary summary(Instant now) {
		long current = Math.floorDiv(now.getEpochSecond(), 60);
		int accepted = 0;
		Map<Integer, Integer> refused = new TreeMap<>();
		for (Minute slot : slots) {
			if (slot != null && slot.minute > current - SLOTS && slot.minute <= current) {
				accepted += slot.accepted;
				slot.refused.forEach((status, count) -> refused.merge(status, count, Integer::sum));
			}
		}
		return new Summary(accepted, refused, lastAccepted, lastRefused);
	}

	/** The last hour: accepted deliveries and refused ones by status. */
	record Summary(int accepted, Map<Integer, Integer> refusedByStatus, Instant lastAccepted, Instant lastRefused) {

		int refused() {
			return refusedByStatus.values().stream().mapToInt(Integer::intValue).sum();
		}

		/** Something came in and nothing was taken: the sender is failing every time. */
		boolean refusingEverything() {
			return refused() > 0 && accepted == 0;
		}

	}

	private static final class Minute {

		private final long minute;

		private int accepted;

		private final Map<Integer, Integer> refused = new TreeMap<>();

		private Minute(long minute) {
			this.minute = minute;
		}

	}

}
