package com.oshun.nurture.triggers;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.delivery.ChatwootSettings;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.JsonValues;
import com.oshun.nurture.web.Rejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * {@code POST /webhooks/chatwoot/{token}}: the account webhook of a Chatwoot older than
 * 4.11.2, which signs nothing (signing came with Chatwoot's PR #13573) and never retries,
 * so refusing it loses every reply, STOP and status. The token in the path
 * ({@code CHATWOOT_WEBHOOK_TOKEN}) is the only proof of origin. Without it, or with
 * another token, the path answers the 404 of a path that does not exist.
 */
@RestController
@Tag(name = "webhooks")
class ChatwootTokenWebhookController {

	private final ChatwootEvents events;

	private final ChatwootSettings chatwoot;

	private final NurtureSettings settings;

	private final ObjectMapper mapper;

	ChatwootTokenWebhookController(ChatwootEvents events, ChatwootSettings chatwoot, NurtureSettings settings,
			ObjectMapper mapper) {
		this.events = events;
		this.chatwoot = chatwoot;
		this.settings = settings;
		this.mapper = mapper;
	}

	@PostMapping("/webhooks/chatwoot/{token}")
	@Operation(summary = "An unsigned Chatwoot account webhook (Chatwoot before 4.11.2), at the path holding "
			+ "CHATWOOT_WEBHOOK_TOKEN; 404 without it or with another token")
	ResponseEntity<Map<String, String>> receive(@PathVariable String token, HttpServletRequest request)
			throws IOException, NoResourceFoundException {
		if (!chatwoot.webhookTokenConfigured() || !Signatures.sameSecret(chatwoot.webhookToken(), token)) {
			String path = request.getRequestURI();
			throw new NoResourceFoundException(HttpMethod.POST, path, path);
		}
		byte[] body = WebhookBodies.read(request, settings.webhooks().maxBodyBytes());
		JsonNode payload = JsonFields.parse(mapper, body).node();
		return WebhookAnswers
			.of(events.apply(deliveryId(request.getHeader("X-Chatwoot-Delivery"), payload, body), payload));
	}

	/**
	 * Chatwoot sends {@code X-Chatwoot-Delivery} only from 4.11.2; before, a delivery
	 * carries nothing but its body. {@code message_created} fires once per message, so
	 * its event and message id are the delivery. Other events fire again for each change
	 * of the same message, contact or conversation, each with the changed state in its
	 * body, so event, id and the body's hash are: a replay of the same bytes is a
	 * duplicate, a later change is not.
	 */
	static String deliveryId(String header, JsonNode payload, byte[] body) {
		if (header != null && !header.isBlank()) {
			if (header.length() > 200) {
				throw new Rejected(HttpStatus.BAD_REQUEST, "X-Chatwoot-Delivery is too long", "X-Chatwoot-Delivery");
			}
			return header;
		}
		String event = JsonValues.text(payload.path("event"));
		Long id = JsonValues.id(payload.path("id"));
		if ("message_created".equals(event) && id != null) {
			return event + ":" + id;
		}
		return event + ":" + ((id != null) ? id : "") + ":" + Signatures.sha256Hex(body);
	}

}
