package com.oshun.nurture.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Chatwoot Application API calls delivery needs, with a user token. Every call is
 * counted against our own budget first and has a timeout; anything but a 2xx becomes a
 * {@link ChatwootFault} carrying Chatwoot's error text.
 */
class ChatwootClient {

	private final ChatwootSettings settings;

	private final ObjectMapper mapper;

	private final RequestBudget budget;

	private final RequestBudget searches;

	private final HttpClient http;

	private final MeterRegistry meters;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	ChatwootClient(ChatwootSettings settings, ObjectMapper mapper, RequestBudget budget, RequestBudget searches,
			MeterRegistry meters) {
		this.meters = meters;
		this.settings = settings;
		this.mapper = mapper;
		this.budget = budget;
		this.searches = searches;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.timeout())
			.build();
	}

	/** {@code GET /contacts/search?q=}: loose matches; the caller filters exact ones. */
	JsonNode searchContacts(String q) {
		return searchContacts(q, 1);
	}

	/**
	 * One page (15 contacts) of {@code GET /contacts/search?q=}; {@code meta.has_more}
	 * tells if more follow.
	 */
	JsonNode searchContacts(String q, int page) {
		searches.take("search").ifPresent(at -> {
			throw ChatwootFault.throttled("contact search limit", at);
		});
		return get("/contacts/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
				+ ((page > 1) ? "&page=" + page : ""));
	}

	JsonNode createContact(Map<String, Object> contact) {
		return post("/contacts", contact);
	}

	/**
	 * {@code PUT /contacts/{id}}: Chatwoot answers 422 when a unique field (phone,
	 * e-mail) is another contact's.
	 */
	JsonNode updateContact(long contactId, Map<String, Object> fields) {
		return send(request("/contacts/" + contactId).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(fields))));
	}

	/**
	 * A contact inbox; without a source id Chatwoot derives one from the contact's phone
	 * (WhatsApp: the digits without {@code +}).
	 */
	JsonNode createContactInbox(long contactId, long inboxId, String sourceId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("inbox_id", inboxId);
		if (sourceId != null) {
			body.put("source_id", sourceId);
		}
		return post("/contacts/" + contactId + "/contact_inboxes", body);
	}

	JsonNode contactConversations(long contactId) {
		return get("/contacts/" + contactId + "/conversations");
	}

	JsonNode createConversation(long inboxId, long contactId, String sourceId) {
		return post("/conversations", Map.of("inbox_id", inboxId, "contact_id", contactId, "source_id", sourceId));
	}

	JsonNode createMessage(long conversationId, Map<String, Object> message) {
		return post("/conversations/" + conversationId + "/messages", message);
	}

	/**
	 * {@code POST /conversations/{id}/assignments} with {@code assignee_id} (an agent) or
	 * {@code team_id}; Chatwoot ignores {@code team_id} when {@code assignee_id} is
	 * there.
	 */
	JsonNode assign(long conversationId, Map<String, Object> assignment) {
		return post("/conversations/" + conversationId + "/assignments", assignment);
	}

	/** The latest 20 messages, or the 20 before {@code beforeId} when not null. */
	JsonNode listMessages(long conversationId, Long beforeId) {
		return get(
				"/conversations/" + conversationId + "/messages" + ((beforeId != null) ? "?before=" + beforeId : ""));
	}

	private JsonNode get(String path) {
		return send(request(path).GET());
	}

	private JsonNode post(String path, Map<String, Object> body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(settings.accountUrl() + path))
			.timeout(settings.timeout())
			.header("api_access_token", settings.apiToken())
			.header("Accept", "application/json");
	}

	private JsonNode send(HttpRequest.Builder builder) {
		budget.take("account").ifPresent(at -> {
			throw ChatwootFault.throttled("client rate limit", at);
		});
		HttpResponse<String> response;
		HttpRequest request = builder.build();
		Timer.Sample sample = Timer.start(meters);
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
			sample.stop(timer(request, Integer.toString(response.statusCode())));
		}
		catch (HttpTimeoutException ex) {
			sample.stop(timer(request, "timeout"));
			throw ChatwootFault.unreachable("timed out");
		}
		catch (IOException ex) {
			sample.stop(timer(request, "unreachable"));
			throw ChatwootFault.unreachable(ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ChatwootFault.unreachable("interrupted");
		}
		if (response.statusCode() / 100 != 2) {
			throw ChatwootFault.of(response.statusCode(), errorText(response.body()));
		}
		return mapper.readTree(response.body().isEmpty() ? "{}" : response.body());
	}

	/**
	 * Latency and answers of every Chatwoot call, by method and status (or timeout,
	 * unreachable).
	 */
	private Timer timer(HttpRequest request, String status) {
		return timers.computeIfAbsent(request.method() + " " + status,
				key -> Timer.builder("nurture.chatwoot.requests")
					.tag("method", request.method())
					.tag("status", status)
					.publishPercentiles(0.5, 0.99)
					.register(meters));
	}

	/**
	 * Chatwoot answers {@code {"error": ...}}, or {@code {"message": ...}} for a record
	 * that failed validation, or plain text from the throttle.
	 */
	private String errorText(String body) {
		if (body == null || body.isBlank()) {
			return "(empty body)";
		}
		try {
			JsonNode json = mapper.readTree(body);
			if (json.path("error").isString()) {
				return json.path("error").stringValue();
			}
			if (json.path("message").isString()) {
				return json.path("message").stringValue();
			}
		}
		catch (RuntimeException ex) {
			// not JSON: the throttle's "Retry later"
		}
		String text = body.strip();
		return (text.length() > 300) ? text.substring(0, 300) : text;
	}

}
