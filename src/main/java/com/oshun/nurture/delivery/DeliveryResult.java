package com.oshun.nurture.delivery;

/**
 * What became of a delivery attempt.
 */
public sealed interface DeliveryResult {

	/** Accepted by the channel (or the outbox); {@code externalId} names it there. */
	record Delivered(String channel, String externalId) implements DeliveryResult {
	}

	/** Not sent, on purpose, for a reason the timeline shows. */
	record Skipped(String reason) implements DeliveryResult {
	}

	/** Refused for good; retrying would not help. */
	record Failed(String reason) implements DeliveryResult {
	}

}
