package com.oshun.nurture.triggers;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.web.JsonFields;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every booking webhook does: verify the delivery as its sender signs it, read its
 * events with the sender's {@link BookingSource} (a bad field is a 400 here, before
 * anything is stored), deduplicate and store it in the {@link WebhookInbox} with one
 * statement, and answer as the contract says once the inbox's worker has applied it or
 * the answer's bound has passed (the delivery is stored either way).
 */
@Component
class BookingWebhooks {

	/** One booking webhook endpoint: the source its events are deduplicated under. */
	record Endpoint(String source, String name, WebhookScheme scheme, BookingSource reader) {
	}

	private final WebhookVerifier verifier;

	private final WebhookInbox inbox;

	private final InboxWorkers workers;

	private final InboxSettings settings;

	private final ObjectMapper mapper;

	BookingWebhooks(WebhookVerifier verifier, WebhookInbox inbox, InboxWorkers workers, InboxSettings settings,
			ObjectMapper mapper) {
		this.verifier = verifier;
		this.inbox = inbox;
		this.workers = workers;
		this.settings = settings;
		this.mapper = mapper;
	}

	/** An endpoint whose stored deliveries the inbox reads again with {@code reader}. */
	Endpoint endpoint(String source, String name, WebhookScheme scheme, BookingSource reader) {
		workers.register(source, reader);
		return new Endpoint(source, name, scheme, reader);
	}

	ResponseEntity<Map<String, String>> receive(HttpServletRequest request, Endpoint endpoint, String secret)
			throws IOException {
		byte[] body = verifier.verifiedBody(request, endpoint.name(), secret, endpoint.scheme());
		List<BookingEvent> events = endpoint.reader().read(JsonFields.parse(mapper, body), body);
		if (events.isEmpty()) {
			return WebhookAnswers.of(BookingEvents.Result.IGNORED);
		}
		String first = events.get(0).id();
		CompletableFuture<Void> applied = workers.expect(endpoint.source(), first);
		int lane = settings.lane(events.get(0).contactKey());
		OptionalLong stored;
		try {
			stored = inbox.store(endpoint.source(), events, body, lane);
		}
		catch (RuntimeException ex) {
			workers.forget(endpoint.source(), first);
			throw ex;
		}
		if (stored.isEmpty()) {
			workers.forget(endpoint.source(), first);
			return WebhookAnswers.of(BookingEvents.Result.DUPLICATE);
		}
		workers.wakeAndAwait(lane, endpoint.source(), first, applied);
		return WebhookAnswers.of(BookingEvents.Result.ACCEPTED);
	}

}
