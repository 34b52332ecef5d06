package com.oshun.nurture.triggers;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.web.JsonFields;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every booking webhook does: verify the delivery as its sender signs it, read its
 * events with the sender's {@link BookingSource}, apply them, answer as the contract
 * says.
 */
@Component
class BookingWebhooks {

	/** One booking webhook endpoint: the source its events are deduplicated under. */
	record Endpoint(String source, String name, WebhookScheme scheme, BookingSource reader) {
	}

	private final WebhookVerifier verifier;

	private final BookingEvents events;

	private final ObjectMapper mapper;

	BookingWebhooks(WebhookVerifier verifier, BookingEvents events, ObjectMapper mapper) {
		this.verifier = verifier;
		this.events = events;
		this.mapper = mapper;
	}

	ResponseEntity<Map<String, String>> receive(HttpServletRequest request, Endpoint endpoint, String secret)
			throws IOException {
		byte[] body = verifier.verifiedBody(request, endpoint.name(), secret, endpoint.scheme());
		return WebhookAnswers
			.of(events.applyAll(endpoint.source(), endpoint.reader().read(JsonFields.parse(mapper, body), body)));
	}

}
