package com.oshun.nurture;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * A stateful Chatwoot account on WireMock for load and crash tests: contacts found by
 * phone, one conversation per contact and inbox, and every posted message kept and listed
 * back (newest 20 before {@code ?before=}) with its {@code content_attributes}, so the
 * service's marker search works as against the real one. It counts the delivery markers
 * it was sent: the judge of "exactly once". It can also fail on purpose.
 */
public final class ChatwootAccount implements ResponseDefinitionTransformerV2 {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private static final String ACCOUNT = "/api/v1/accounts/1";

	private static final Pattern CONTACT_PATH = Pattern.compile("/contacts/(\\d+)/(contact_inboxes|conversations)");

	private static final Pattern MESSAGES_PATH = Pattern.compile("/conversations/(\\d+)/messages");

	private final Map<Long, String> phones = new HashMap<>();

	private final Map<String, Long> byPhone = new HashMap<>();

	private final Map<Long, List<long[]>> conversationsOf = new HashMap<>();

	private final Map<Long, List<Message>> messages = new HashMap<>();

	private final Map<Long, Long> contactOf = new HashMap<>();

	private volatile String refusedPhone;

	private final Map<String, Integer> markers = new ConcurrentHashMap<>();

	private final Map<String, List<Long>> postedIn = new ConcurrentHashMap<>();

	private long nextId = 1000;

	private volatile int failingStatus;

	private volatile int delayMillis;

	private record Message(long id, String marker) {
	}

	/** A WireMock server answering every request through a new account. */
	public static WireMockServer start(ChatwootAccount account) {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().containerThreads(40).extensions(account));
		server.start();
		server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(account.getName())));
		return server;
	}

	/** From now on answer every request with this status (0: work normally). */
	public void failWith(int status) {
		this.failingStatus = status;
	}

	/** Refuse for good (422) every message posted to the contact with this phone. */
	public void refuseMessagesTo(String phone) {
		this.refusedPhone = phone;
	}

	/** Answer every request this late. */
	public void delay(int millis) {
		this.delayMillis = millis;
	}

	/** How many messages carried each delivery marker. */
	public Map<String, Integer> markers() {
		return Map.copyOf(markers);
	}

	/** Where each marker sent more than once went: conversation ids, per marker. */
	public synchronized Map<String, List<Long>> repeated() {
		Map<String, List<Long>> repeated = new HashMap<>();
		postedIn.forEach((marker, conversations) -> {
			if (conversations.size() > 1) {
				repeated.put(marker, List.copyOf(conversations));
			}
		});
		return repeated;
	}

	@Override
	public String getName() {
		return "chatwoot-account";
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		LoggedRequest request = event.getRequest();
		int failing = failingStatus;
		if (failing == 429) {
			return answer(429, "Retry later\n");
		}
		if (failing != 0) {
			return answer(failing, "{\"error\":\"outage\"}");
		}
		String url = request.getUrl();
		if (!url.startsWith(ACCOUNT)) {
			return answer(404, "{\"error\":\"not found\"}");
		}
		String path = url.substring(ACCOUNT.length());
		String query = "";
		int question = path.indexOf('?');
		if (question >= 0) {
			query = path.substring(question + 1);
			path = path.substring(0, question);
		}
		String method = request.getMethod().getName();
		synchronized (this) {
			return route(method, path, query, request.getBodyAsString());
		}
	}

	private ResponseDefinition route(String method, String path, String query, String body) {
		Matcher contact = CONTACT_PATH.matcher(path);
		Matcher conversationMessages = MESSAGES_PATH.matcher(path);
		if (method.equals("GET") && path.equals("/contacts/search")) {
			String phone = URLDecoder.decode(query.replaceFirst("^q=", ""), StandardCharsets.UTF_8);
			Long id = byPhone.get(phone);
			return ok("{\"meta\":{\"count\":%d,\"current_page\":1},\"payload\":[%s]}".formatted((id != null) ? 1 : 0,
					(id != null) ? contactJson(id) : ""));
		}
		if (method.equals("POST") && path.equals("/contacts")) {
			String phone = read(body).path("phone_number").asString("");
			long id = nextId++;
			phones.put(id, phone);
			byPhone.put(phone, id);
			return ok("{\"payload\":{\"contact\":%s,\"contact_inbox\":%s}}".formatted(contactJson(id), inboxJson(id)));
		}
		if (method.equals("POST") && contact.matches() && contact.group(2).equals("contact_inboxes")) {
			return ok(inboxJson(Long.parseLong(contact.group(1))));
		}
		if (method.equals("GET") && contact.matches()) {
			List<String> listed = new ArrayList<>();
			for (long[] conversation : conversationsOf.getOrDefault(Long.parseLong(contact.group(1)), List.of())) {
				listed.add(conversationJson(conversation[0], conversation[1]));
			}
			return ok("{\"payload\":[" + String.join(",", listed) + "]}");
		}
		if (method.equals("POST") && path.equals("/conversations")) {
			JsonNode json = read(body);
			long id = nextId++;
			long inbox = json.path("inbox_id").asLong();
			contactOf.put(id, json.path("contact_id").asLong());
			conversationsOf.computeIfAbsent(json.path("contact_id").asLong(), key -> new ArrayList<>())
				.add(new long[] { id, inbox });
			messages.put(id, new ArrayList<>());
			return ok(conversationJson(id, inbox));
		}
		if (conversationMessages.matches()) {
			long conversation = Long.parseLong(conversationMessages.group(1));
			List<Message> list = messages.get(conversation);
			if (list == null) {
				return answer(404, "{\"error\":\"Resource could not be found\"}");
			}
			if (method.equals("POST") && phones.get(contactOf.get(conversation)).equals(refusedPhone)) {
				return answer(422, "{\"error\":\"Contact is blocked on WhatsApp\"}");
			}
			return method.equals("POST") ? post(conversation, list, body) : list(list, query);
		}
		return answer(404, "{\"error\":\"not found\"}");
	}

	private ResponseDefinition post(long conversation, List<Message> list, String body) {
		String marker = read(body).path("content_attributes").path("external_delivery_id").asString(null);
		Message message = new Message(nextId++, marker);
		list.add(message);
		if (marker != null) {
			markers.merge(marker, 1, Integer::sum);
			postedIn.computeIfAbsent(marker, key -> new ArrayList<>()).add(conversation);
		}
		return ok(messageJson(conversation, message, 1));
	}

	private ResponseDefinition list(List<Message> list, String query) {
		long before = query.startsWith("before=") ? Long.parseLong(query.substring(7)) : Long.MAX_VALUE;
		List<Message> older = list.stream().filter(m -> m.id() < before).toList();
		List<String> page = new ArrayList<>();
		for (Message message : older.subList(Math.max(0, older.size() - 20), older.size())) {
			page.add(messageJson(0, message, 1));
		}
		return ok(ChatwootStubs.messages(String.join(",", page)));
	}

	private String contactJson(long id) {
		return """
				{"additional_attributes":{},"availability_status":"offline","email":null,"id":%d,"name":"Patient",
				 "phone_number":"%s","blocked":false,"identifier":null,"thumbnail":"","custom_attributes":{},
				 "last_activity_at":null,"created_at":1767600000,"contact_inboxes":[{"source_id":"src-%d",
				 "inbox":{"id":4,"avatar_url":"","channel_id":1,"name":"WhatsApp Sales","channel_type":"Channel::Whatsapp",
				 "provider":"whatsapp_cloud"}}]}
				"""
			.formatted(id, phones.get(id), id);
	}

	private static String inboxJson(long contactId) {
		return """
				{"source_id":"src-%d","inbox":{"id":4,"avatar_url":"","channel_id":1,"name":"WhatsApp Sales",
				 "channel_type":"Channel::Whatsapp","provider":"whatsapp_cloud"}}
				""".formatted(contactId);
	}

	private static String conversationJson(long id, long inbox) {
		return ChatwootStubs.conversation(id).replace("\"inbox_id\":4", "\"inbox_id\":" + inbox);
	}

	private static String messageJson(long conversation, Message message, int type) {
		String attributes = (message.marker() != null) ? "{\"external_delivery_id\":\"" + message.marker() + "\"}"
				: "{}";
		return """
				{"id":%d,"content":"…","inbox_id":4,"conversation_id":%d,"message_type":%d,"content_type":"text",
				 "status":"sent","content_attributes":%s,"created_at":1767600000,"private":false,"source_id":null,
				 "sender":{"id":3,"name":"Integration","type":"user"}}
				""".formatted(message.id(), conversation, type, attributes);
	}

	private static JsonNode read(String body) {
		return MAPPER.readTree((body == null || body.isEmpty()) ? "{}" : body);
	}

	private ResponseDefinition ok(String body) {
		return answer(200, body);
	}

	private ResponseDefinition answer(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", (status == 429) ? "text/plain" : "application/json; charset=utf-8")
			.withBody(body)
			.withFixedDelay(delayMillis)
			.build();
	}

}
