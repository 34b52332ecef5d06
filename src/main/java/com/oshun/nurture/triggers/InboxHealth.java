package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code webhookInbox}: the booking deliveries stored
 * and not yet applied, the oldest one's age, and those waiting for a retry after a
 * failure. {@link #WARNING} (no status of the service as a whole, which stays UP) while
 * one waits for a retry or the oldest is more than a minute old: the inbox's workers are
 * not keeping up, or a delivery keeps failing (its failure's classes are in the log and
 * in the row's {@code last_error}). Nothing in it is lost: it is applied once the cause
 * is gone. The figures are the inbox workers' last look (every 10 s), so this component
 * never waits for the database: during an outage it shows the last figures, and the
 * {@code db} component is the one that is down.
 */
@Component("webhookInboxHealthIndicator")
class InboxHealth extends AbstractHealthIndicator {

	static final Status WARNING = new Status("WARNING", "booking deliveries wait in the webhook inbox");

	private static final Duration BEHIND = Duration.ofMinutes(1);

	private final InboxWorkers workers;

	private final Clock clock;

	InboxHealth(InboxWorkers workers, Clock clock) {
		this.workers = workers;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		WebhookInbox.Backlog backlog = workers.backlog();
		if (backlog == null) {
			builder.up().withDetail("pending", "not read yet");
			return;
		}
		long ageSeconds = (backlog.oldest() != null)
				? Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toSeconds()) : 0;
		boolean behind = backlog.failing() > 0 || ageSeconds > BEHIND.toSeconds();
		(behind ? builder.status(WARNING) : builder.up()).withDetail("pending", backlog.pending())
			.withDetail("oldestAgeSeconds", ageSeconds)
			.withDetail("retrying", backlog.failing());
	}

}
