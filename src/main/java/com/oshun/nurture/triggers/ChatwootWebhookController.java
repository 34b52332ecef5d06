package com.oshun.nurture.triggers;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

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

	private static final WebhookScheme SCHEME = new WebhookScheme.TimestampedHmac("X-Chatwoot-Timestamp",
			"X-Chatwoot-Signature", "sha256=");

	private final ChatwootEvents events;

	private final ChatwootSettings chatwoot;

	private final WebhookVerifier verifier;

	private final ObjectMapper mapper;

	ChatwootWebhookController(ChatwootEvents events, ChatwootSettings chatwoot, WebhookVerifier verifier,
			ObjectMapper mapper) {
		this.events = events;
		this.chatwoot = chatwoot;
		this.verifier = verifier;
		this.mapper = mapper;
	}

	@PostMapping("/webhooks/chatwoot")
	@Operation(summary = "A Chatwoot account webhook, signed with CHATWOOT_WEBHOOK_SECRET")
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		byte[] body = verifier.verifiedBody(request, "Chatwoot", chatwoot.webhookSecret(), SCHEME);
		String delivery = request.getHeader("X-Chatwoot-Delivery");
		if (delivery == null || delivery.isBlank() || delivery.length() > 200) {
			throw new Rejected(HttpStatus.BAD_REQUEST, "X-Chatwoot-Delivery is missing", "X-Chatwoot-Delivery");
		}
		return WebhookAnswers.of(events.apply(delivery, JsonFields.parse(mapper, body).node()));
	}

}
