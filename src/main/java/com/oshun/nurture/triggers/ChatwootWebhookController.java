package com.oshun.nurture.triggers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.delivery.ChatwootSettings;
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
 * {@code POST /webhooks/chatwoot}: a Chatwoot account webhook, signed with
 * {@code CHATWOOT_WEBHOOK_SECRET} over {@code timestamp + "." + raw body} and
 * deduplicated on {@code X-Chatwoot-Delivery}.
 */
@RestController
@Tag(name = "webhooks")
class ChatwootWebhookController {

	private final ChatwootEvents events;

	private final ChatwootSettings chatwoot;

	private final NurtureSettings settings;

	private final ObjectMapper mapper;

	/** Signatures are checked against the wall clock, even on a simulated one. */
	private final Clock wallClock = Clock.systemUTC();

	ChatwootWebhookController(ChatwootEvents events, ChatwootSettings chatwoot, NurtureSettings settings,
			ObjectMapper mapper) {
		this.events = events;
		this.chatwoot = chatwoot;
		this.settings = settings;
		this.mapper = mapper;
	}

	@PostMapping("/webhooks/chatwoot")
	@Operation(summary = "A Chatwoot account webhook, signed with CHATWOOT_WEBHOOK_SECRET")
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		if (!chatwoot.webhookConfigured()) {
			throw new Rejected(HttpStatus.SERVICE_UNAVAILABLE, "the Chatwoot webhook is not configured", null);
		}
		byte[] body = WebhookBodies.read(request, settings.webhooks().maxBodyBytes());
		verify(request.getHeader("X-Chatwoot-Timestamp"), request.getHeader("X-Chatwoot-Signature"), body);
		String delivery = request.getHeader("X-Chatwoot-Delivery");
		if (delivery == null || delivery.isBlank() || delivery.length() > 200) {
			throw new Rejected(HttpStatus.BAD_REQUEST, "X-Chatwoot-Delivery is missing", "X-Chatwoot-Delivery");
		}
		return WebhookAnswers.of(events.apply(delivery, JsonFields.parse(mapper, body).node()));
	}

	private void verify(String timestamp, String signature, byte[] body) {
		if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, "X-Chatwoot-Timestamp is missing or not unix seconds",
					"X-Chatwoot-Timestamp");
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), wallClock.instant()).abs();
		if (skew.compareTo(settings.webhooks().tolerance()) > 0) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, "X-Chatwoot-Timestamp is too far from now",
					"X-Chatwoot-Timestamp");
		}
		String expected = "sha256=" + Signatures.hmacSha256Hex(chatwoot.webhookSecret(),
				(timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
		if (!Signatures.same(expected, signature)) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, "X-Chatwoot-Signature does not match", "X-Chatwoot-Signature");
		}
	}

}
