package com.oshun.nurture.triggers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.webhooks.inbox}: how the booking webhooks' inbox is applied.
 * {@code lanes} partitions it by contact (fixed for a database: every node must agree);
 * {@code workers} threads per node apply a batch of up to {@code batch-size} deliveries
 * of a lane in one transaction; idle, they look every {@code polling-interval} (a
 * delivery this node took wakes its worker at once). A delivery's answer waits up to
 * {@code answer-wait} for its events to be applied (so a client that reads right after
 * the answer sees them, and a sender is slowed to the apply rate); past that it is
 * answered anyway: the delivery is stored. A delivery that fails to apply is retried
 * after 1 s, doubling up to {@code max-retry-delay}.
 */
@ConfigurationProperties("nurture.webhooks.inbox")
record InboxSettings(@DefaultValue("2") int workers, @DefaultValue("16") int lanes, @DefaultValue("200") int batchSize,
		@DefaultValue("PT0.2S") Duration pollingInterval, @DefaultValue("PT0.2S") Duration answerWait,
		@DefaultValue("PT1H") Duration maxRetryDelay) {

	InboxSettings {
		if (workers < 1 || lanes < workers || batchSize < 1) {
			throw new IllegalArgumentException(
					"nurture.webhooks.inbox needs workers >= 1, lanes >= workers and batch-size >= 1");
		}
	}

	/** The lane of a contact's deliveries. */
	int lane(String contactKey) {
		return Math.floorMod((contactKey != null) ? contactKey.hashCode() : 0, lanes);
	}

}
