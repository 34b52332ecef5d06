package com.oshun.nurture.triggers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.NurtureSettings;
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
 * {@code POST /webhooks/calendly}: Calendly's own payloads, signed with
 * {@code Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>}.
 */
@RestController
@Tag(name = "webhooks")
class CalendlyWebhookController {

	static final String SIGNATURE = "Calendly-Webhook-Signature";

	/** Calendly's own rule for how old a signed timestamp may be. */
	static final Duration TOLERANCE = Duration.ofMinutes(3);

	private final CalendlyEvents calendly;

	private final BookingEvents events;

	private final NurtureSettings settings;

	private final ObjectMapper mapper;

	/**
	 * Signatures are checked against the wall clock, even when the engine runs on a
	 * simulated one.
	 */
	private final Clock wallClock = Clock.systemUTC();

	CalendlyWebhookController(CalendlyEvents calendly, BookingEvents events, NurtureSettings settings,
			ObjectMapper mapper) {
		this.calendly = calendly;
		this.events = events;
		this.settings = settings;
		this.mapper = mapper;
	}

	@PostMapping("/webhooks/calendly")
	@Operation(summary = "A Calendly webhook, signed with CALENDLY_WEBHOOK_SIGNING_KEY")
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		String key = settings.webhooks().calendlySigningKey();
		if (key == null || key.isBlank()) {
			throw new Rejected(HttpStatus.SERVICE_UNAVAILABLE, "the Calendly webhook is not configured", null);
		}
		byte[] body = WebhookBodies.read(request, settings.webhooks().maxBodyBytes());
		verify(key, request.getHeader(SIGNATURE), body);
		return calendly.map(JsonFields.parse(mapper, body), body)
			.map(event -> WebhookAnswers.of(events.apply(CalendlyEvents.SOURCE, event)))
			.orElseGet(() -> WebhookAnswers.of(BookingEvents.Result.IGNORED));
	}

	private void verify(String key, String header, byte[] body) {
		String timestamp = null;
		String signature = null;
		for (String part : (header != null) ? header.split(",") : new String[0]) {
			String[] pair = part.split("=", 2);
			if (pair.length == 2 && pair[0].trim().equals("t")) {
				timestamp = pair[1].trim();
			}
			else if (pair.length == 2 && pair[0].trim().equals("v1")) {
				signature = pair[1].trim();
			}
		}
		if (timestamp == null || !timestamp.matches("\\d{1,12}") || signature == null) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, SIGNATURE + " is missing or not t=<seconds>,v1=<hex>",
					SIGNATURE);
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), wallClock.instant()).abs();
		if (skew.compareTo(TOLERANCE) > 0) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, SIGNATURE + " timestamp is more than 3 minutes from now",
					SIGNATURE);
		}
		String expected = Signatures.hmacSha256Hex(key, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
		if (!Signatures.same(expected, signature)) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, SIGNATURE + " does not match", SIGNATURE);
		}
	}

}
