package com.oshun.nurture.triggers;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.NurtureSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/calendly}: Calendly's own payloads, signed with
 * {@code Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>}.
 */
@RestController
@Tag(name = "webhooks")
class CalendlyWebhookController {

	static final String SIGNATURE = "Calendly-Webhook-Signature";

	private final BookingWebhooks webhooks;

	private final NurtureSettings settings;

	private final BookingWebhooks.Endpoint endpoint;

	CalendlyWebhookController(BookingWebhooks webhooks, NurtureSettings settings, CalendlyEvents calendly) {
		this.webhooks = webhooks;
		this.settings = settings;
		this.endpoint = webhooks.endpoint(CalendlyEvents.SOURCE, "Calendly", new WebhookScheme.Calendly(SIGNATURE),
				calendly);
	}

	@PostMapping("/webhooks/calendly")
	@Operation(summary = "A Calendly webhook, signed with CALENDLY_WEBHOOK_SIGNING_KEY")
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		return webhooks.receive(request, endpoint, settings.webhooks().calendlySigningKey());
	}

}
