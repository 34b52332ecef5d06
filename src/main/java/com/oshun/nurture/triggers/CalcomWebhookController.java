package com.oshun.nurture.triggers;

import java.io.IOException;
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
 * {@code POST /webhooks/calcom}: Cal.com's own payloads, signed with
 * {@code X-Cal-Signature-256} (hex HMAC-SHA256 of the raw body). Cal.com signs no
 * timestamp, so replays are caught by the dedupe alone.
 */
@RestController
@Tag(name = "webhooks")
class CalcomWebhookController {

	static final String SIGNATURE = "X-Cal-Signature-256";

	private final CalcomEvents calcom;

	private final BookingEvents events;

	private final NurtureSettings settings;

	private final ObjectMapper mapper;

	CalcomWebhookController(CalcomEvents calcom, BookingEvents events, NurtureSettings settings, ObjectMapper mapper) {
		this.calcom = calcom;
		this.events = events;
		this.settings = settings;
		this.mapper = mapper;
	}

	@PostMapping("/webhooks/calcom")
	@Operation(summary = "A Cal.com webhook, signed with CALCOM_WEBHOOK_SECRET")
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		String secret = settings.webhooks().calcomSecret();
		if (secret == null || secret.isBlank()) {
			throw new Rejected(HttpStatus.SERVICE_UNAVAILABLE, "the Cal.com webhook is not configured", null);
		}
		byte[] body = WebhookBodies.read(request, settings.webhooks().maxBodyBytes());
		String signature = request.getHeader(SIGNATURE);
		// Cal.com sends this literal when its webhook has no secret: nothing is signed.
		if (signature == null || "no-secret-provided".equals(signature.trim())
				|| !Signatures.same(Signatures.hmacSha256Hex(secret, body), signature)) {
			throw new Rejected(HttpStatus.UNAUTHORIZED, SIGNATURE + " is missing or does not match", SIGNATURE);
		}
		return WebhookAnswers
			.of(events.applyAll(CalcomEvents.SOURCE, calcom.map(JsonFields.parse(mapper, body), body)));
	}

}
