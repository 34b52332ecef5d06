package com.oshun.nurture.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.oshun.nurture.MovableClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookHealthTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T08:00:30Z"));

	private final WebhookHealth health = new WebhookHealth(
			Map.of("booking", true, "calcom", true, "calendly", false, "chatwoot", true), clock);

	@Test
	void anEndpointThatRefusedEveryDeliveryOfTheLastHourIsAWarningUntilOneIsAccepted() {
		health.record("chatwoot", 401);
		clock.move(Duration.ofMinutes(20));
		health.record("chatwoot", 404);

		Health down = health.health();

		assertThat(down.getStatus()).isEqualTo(WebhookHealth.WARNING);
		assertThat(endpoint(down, "chatwoot")).containsEntry("state", "refusing every delivery")
			.containsEntry("received", 2)
			.containsEntry("accepted", 0)
			.containsEntry("refused", 2)
			.containsEntry("refusedByStatus", Map.of("401", 1, "404", 1))
			.containsEntry("lastRefusedAt", "2026-01-05T08:20:30Z")
			.doesNotContainKey("lastAcceptedAt");
		assertThat(endpoint(down, "booking")).containsEntry("state", "no deliveries").containsEntry("received", 0);

		health.record("chatwoot", 202);

		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(endpoint(health.health(), "chatwoot")).containsEntry("state", "accepting")
			.containsEntry("refused", 2)
			.containsEntry("accepted", 1);
	}

	@Test
	void refusalsOlderThanAnHourNoLongerCount() {
		health.record("booking", 401);
		clock.move(Duration.ofMinutes(59));
		assertThat(health.health().getStatus()).isEqualTo(WebhookHealth.WARNING);

		clock.move(Duration.ofMinutes(1));

		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(endpoint(health.health(), "booking")).containsEntry("received", 0)
			.containsEntry("state", "no deliveries")
			.containsEntry("lastRefusedAt", "2026-01-05T08:00:30Z");
	}

	@Test
	void anEndpointNotConfiguredIsShownAsSuchAndNeverMakesTheServiceDown() {
		health.record("calendly", 503);
		health.record("calendly", 503);
		health.record("other", 404);

		Health up = health.health();

		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(endpoint(up, "calendly")).containsEntry("configured", false)
			.containsEntry("state", "not configured")
			.containsEntry("refusedByStatus", Map.of("503", 2));
		assertThat(up.getDetails()).containsOnlyKeys("counted", "booking", "calcom", "calendly", "chatwoot");
	}

	@Test
	void duplicatesAndIgnoredEventsAreAccepted() {
		health.record("calcom", 200);
		health.record("calcom", 202);
		health.record("calcom", 400);

		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(endpoint(health.health(), "calcom")).containsEntry("accepted", 2).containsEntry("refused", 1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> endpoint(Health health, String name) {
		return (Map<String, Object>) health.getDetails().get(name);
	}

}
