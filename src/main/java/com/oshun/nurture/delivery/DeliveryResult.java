package com.oshun.nurture.delivery;

import java.time.Instant;

/**
 * What became of a delivery attempt.
 */
public sealed interface DeliveryResult {

	/**
	 * Accepted by the channel (or the outbox); {@code externalId} names it there;
	 * {@code sentAs} ({@code free_text} or {@code template}) on a 24 h-window channel, or
	 * null; {@code templateCategory} the Meta category of the template it went out as
	 * ({@code utility} or {@code marketing}), as configured at the time, or null.
	 */
	record Delivered(String channel, String externalId, String sentAs,
			String templateCategory) implements DeliveryResult {

		public Delivered(String channel, String externalId) {
			this(channel, externalId, null, null);
		}

	}

	/** Not sent, on purpose, for a reason the timeline shows. */
	record Skipped(String reason) implements DeliveryResult {
	}

	/**
	 * Not delivered yet, for a passing reason (throttled, a 5xx, a timeout): try again at
	 * {@code at}. The message may or may not have reached the channel.
	 */
	record RetryAt(Instant at, String reason) implements DeliveryResult {
	}

	/** Refused for good; retrying would not help. */
	record Failed(String reason) implements DeliveryResult {
	}

}
