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
 * {@code POST /webhooks/calcom}: Cal.com's own payloads, signed with
 * {@code X-Cal-Signature-256} (hex HMAC-SHA256 of the raw body).
 */
@RestController
@Tag(name = "webhooks")
class CalcomWebhookController {

	static final String SIGNATURE = "X-Cal-Signature-256";

	private final BookingWebhooks webhooks;

	private final NurtureSettings settings;

	private final BookingWebhooks.Endpoint endpoint;

	CalcomWebhookController(BookingWebhooks webhooks, NurtureSettings settings, CalcomEvents calcom) {
		this.webhooks = webhooks;
		this.settings = settings;
		this.endpoint = webhooks.endpoint(CalcomEvents.SOURCE, "Cal.com", new WebhookScheme.BodyHmac(SIGNATURE),
				calcom);
	}

	@PostMapping("/webhooks/calcom")
	@Operation(summary = "A Cal.com webhook, signed with CALCOM_WEBHOOK_SECRET")
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		return webhooks.receive(request, endpoint, settings.webhooks().calcomSecret());
	}

}
