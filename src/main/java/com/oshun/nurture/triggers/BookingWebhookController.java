package com.oshun.nurture.triggers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.Rejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
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

	private final BookingEvents events;

	private final NurtureSettings settings;

	private final ObjectMapper mapper;

	private final Phones phones;

	/**
	 * Signatures are checked against the wall clock, even when the engine runs on a
	 * simulated one.
	 */
	private final Clock wallClock = Clock.systemUTC();

	BookingWebhookController(BookingEvents events, NurtureSettings settings, ObjectMapper mapper, Phones phones) {
		this.events = events;
		this.settings = settings;
		this.mapper = mapper;
		this.phones = phones;
	}

	@PostMapping("/webhooks/booking")
	@Operation(summary = "A booking event in Nurture's own format, signed with BOOKING_WEBHOOK_SECRET")
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		String secret = settings.webhooks().bookingSecret();
		if (secret == null || secret.isBlank()) {
			throw new Rejected(HttpStatus.SERVICE_UNAVAILABLE, "the booking webhook is not configured", null);
		}
		byte[] body = WebhookBodies.read(request, settings.webhooks().maxBodyBytes());
		verify(secret, request.getHeader("X-Nurture-Timestamp"), request.getHeader("X-Nurture-Signature"), body);
		BookingEvent event = BookingEventParser.parse(JsonFields.parse(mapper, body), phones);
		if (event == null) {
			return WebhookAnswers.of(BookingEvents.Result.IGNORED);
		}
		return WebhookAnswers.of(events.apply(SOURCE, event));
	}

	private void verify(String secret, String timestamp, String signature, byte[] body) {
		if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, "X-Nurture-Timestamp is missing or not unix seconds",
					"X-Nurture-Timestamp");
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), wallClock.instant()).abs();
		if (skew.compareTo(settings.webhooks().tolerance()) > 0) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, "X-Nurture-Timestamp is too far from now",
					"X-Nurture-Timestamp");
		}
		String expected = "sha256="
				+ Signatures.hmacSha256Hex(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
		if (!Signatures.same(expected, signature)) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, "X-Nurture-Signature does not match", "X-Nurture-Signature");
		}
	}

}
