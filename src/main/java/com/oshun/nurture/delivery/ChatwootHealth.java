package com.oshun.nurture.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Chatwoot reachability for {@code /actuator/health}: the account's inboxes answered with
 * our token, checked at most once a minute. An unreachable Chatwoot is reported as
 * {@code UNKNOWN}, not {@code DOWN}: steps wait with backoff and nothing is lost, so the
 * service itself is fine and must not be restarted for it.
 */
@Component
class ChatwootHealth implements HealthIndicator {

	private static final Duration CACHE = Duration.ofMinutes(1);

	private final ChatwootSettings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private volatile Health last;

	private volatile Instant checkedAt = Instant.MIN;

	ChatwootHealth(ChatwootSettings settings) {
		this.settings = settings;
	}

	@Override
	public Health health() {
		if (!settings.configured()) {
			return Health.up().withDetail("delivery", "dry run: messages go to the outbox").build();
		}
		// Wall-clock caching: the health of a peer does not follow a simulated clock.
		Instant now = Instant.now();
		if (last == null || checkedAt.plus(CACHE).isBefore(now)) {
			last = check();
			checkedAt = now;
		}
		return last;
	}

	private Health check() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(settings.accountUrl() + "/inboxes"))
			.timeout(Duration.ofSeconds(5))
			.header("api_access_token", settings.apiToken())
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return (status / 100 == 2) ? Health.up().withDetail("chatwoot", "reachable").build()
					: Health.unknown().withDetail("chatwoot", "answered " + status).build();
		}
		catch (IOException ex) {
			return Health.unknown().withDetail("chatwoot", "unreachable: " + ex.getClass().getSimpleName()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().withDetail("chatwoot", "check interrupted").build();
		}
	}

}
