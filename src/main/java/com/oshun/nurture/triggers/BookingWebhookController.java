package com.oshun.nurture.triggers;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.contact.Phones;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/booking}: our own signed booking events.
 */
@RestController
@Tag(name = "webhooks")
class BookingWebhookController {

	static final String SOURCE = "booking";

	private static final WebhookScheme SCHEME = new WebhookScheme.TimestampedHmac("X-Nurture-Timestamp",
			"X-Nurture-Signature", "sha256=");

	private final BookingWebhooks webhooks;

	private final NurtureSettings settings;

	private final BookingWebhooks.Endpoint endpoint;

	BookingWebhookController(BookingWebhooks webhooks, NurtureSettings settings, Phones phones) {
		this.webhooks = webhooks;
		this.settings = settings;
		this.endpoint = webhooks.endpoint(SOURCE, "booking", SCHEME, (json, body) -> {
			BookingEvent event = BookingEventParser.parse(json, phones);
			return (event != null) ? List.of(event) : List.of();
		});
	}

	@PostMapping("/webhooks/booking")
	@Operation(summary = "A booking event in Nurture's own format, signed with BOOKING_WEBHOOK_SECRET")
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		return webhooks.receive(request, endpoint, settings.webhooks().bookingSecret());
	}

}
