package com.oshun.nurture.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.delivery.ChatwootSettings;
import com.oshun.nurture.web.WallClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code webhooks}: for each webhook endpoint, whether
 * it is configured and what this node answered it in the last hour. {@link #WARNING}
 * while a configured endpoint has refused every delivery of that hour (at least one
 * refused, none accepted): its sender is failing each time, and Calendly disables a
 * subscription after 24 hours of that while Chatwoot and a self-hosted Cal.com never send
 * a refused delivery again. WARNING is no status of the service as a whole (the service
 * stays UP, answering 200): anyone on the internet can post a forged delivery, and that
 * must not make a load balancer or a monitor take the service out. An endpoint that is
 * not configured is shown as such and never changes the status.
 * <p>
 * Counted in memory, per node, on the wall clock (deliveries arrive in real time even
 * when the engine runs on a simulated clock): no write per delivery on the webhook path,
 * and a restarted node starts counting afresh. Across nodes,
 * {@code nurture_webhooks_total} is the sum.
 */
@Component("webhooksHealthIndicator")
public class WebhookHealth implements HealthIndicator {

	/** A component status that the whole service's health leaves out of its aggregate. */
	public static final Status WARNING = new Status("WARNING",
			"a configured webhook endpoint refused every delivery of the last hour");

	private static final List<String> ENDPOINTS = List.of("booking", "calcom", "calendly", "chatwoot");

	private final Map<String, Boolean> configured;

	private final Clock clock;

	private final Map<String, DeliveryWindow> windows = new ConcurrentHashMap<>();

	@Autowired
	WebhookHealth(NurtureSettings settings, ChatwootSettings chatwoot, WallClock wallClock) {
		this(configured(settings.webhooks(), chatwoot), wallClock.clock());
	}

	WebhookHealth(Map<String, Boolean> configured, Clock clock) {
		this.configured = Map.copyOf(configured);
		this.clock = clock;
	}

	/** The endpoints, in the order shown, and whether each has its secret. */
	static Map<String, Boolean> configured(NurtureSettings.Webhooks webhooks, ChatwootSettings chatwoot) {
		Map<String, Boolean> configured = new LinkedHashMap<>();
		configured.put("booking", present(webhooks.bookingSecret()));
		configured.put("calcom", present(webhooks.calcomSecret()));
		configured.put("calendly", present(webhooks.calendlySigningKey()));
		configured.put("chatwoot", chatwoot.webhookConfigured() || chatwoot.webhookTokenConfigured());
		return configured;
	}

	/** One delivery to {@code endpoint} answered with {@code status}. */
	void record(String endpoint, int status) {
		if (configured.containsKey(endpoint)) {
			windows.computeIfAbsent(endpoint, key -> new DeliveryWindow()).add(status, clock.instant());
		}
	}

	/** Count afresh from now (the tests' clean slate). */
	public void forget() {
		windows.clear();
	}

	@Override
	public Health health() {
		Instant now = clock.instant();
		boolean refusing = false;
		Health.Builder health = Health.unknown().withDetail("counted", "by this node, the last 60 minutes");
		for (String endpoint : ENDPOINTS) {
			DeliveryWindow.Summary summary = windows.getOrDefault(endpoint, new DeliveryWindow()).summary(now);
			boolean isConfigured = configured.get(endpoint);
			refusing |= isConfigured && summary.refusingEverything();
			health.withDetail(endpoint, detail(isConfigured, summary));
		}
		return (refusing ? health.status(WARNING) : health.up()).build();
	}

	private static Map<String, Object> detail(boolean configured, DeliveryWindow.Summary summary) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("configured", configured);
		detail.put("state", state(configured, summary));
		detail.put("received", summary.accepted() + summary.refused());
		detail.put("accepted", summary.accepted());
		detail.put("refused", summary.refused());
		Map<String, Integer> byStatus = new LinkedHashMap<>();
		summary.refusedByStatus().forEach((status, count) -> byStatus.put(Integer.toString(status), count));
		detail.put("refusedByStatus", byStatus);
		if (summary.lastAccepted() != null) {
			detail.put("lastAcceptedAt", summary.lastAccepted().toString());
		}
		if (summary.lastRefused() != null) {
			detail.put("lastRefusedAt", summary.lastRefused().toString());
		}
		return detail;
	}

	private static String state(boolean configured, DeliveryWindow.Summary summary) {
		if (!configured) {
			return "not configured";
		}
		if (summary.refusingEverything()) {
			return "refusing every delivery";
		}
		return (summary.accepted() > 0) ? "accepting" : "no deliveries";
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
