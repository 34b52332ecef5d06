package com.oshun.nurture;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A Chatwoot 4.15 account on WireMock, answering with the shapes of its serializers
 * (shapes as in test resources chatwoot/): by default a new contact, no conversations,
 * and every message accepted with its marker echoed. Tests add their own stubs at a
 * higher priority.
 */
public final class ChatwootStubs {

	public static final String ACCOUNT = "/api/v1/accounts/1";

	public static final String MESSAGES = ACCOUNT + "/conversations/[0-9]+/messages";

	public static final long WHATSAPP_INBOX = 4;

	public static final long INSTAGRAM_INBOX = 7;

	private static final int DEFAULT_PRIORITY = 10;

	private ChatwootStubs() {
	}

	public static void defaults(WireMockServer server) {
		server.stubFor(fallback(get(urlPathEqualTo(ACCOUNT + "/contacts/search")))
			.willReturn(json("{\"meta\":{\"count\":0,\"current_page\":1,\"has_more\":false},\"payload\":[]}")));
		server.stubFor(fallback(post(urlPathEqualTo(ACCOUNT + "/contacts"))).willReturn(json(CREATED_CONTACT)));
		server.stubFor(fallback(post(urlPathMatching(ACCOUNT + "/contacts/[0-9]+/contact_inboxes")))
			.willReturn(json(CONTACT_INBOX)));
		server.stubFor(fallback(get(urlPathMatching(ACCOUNT + "/contacts/[0-9]+/conversations")))
			.willReturn(json("{\"payload\":[]}")));
		server.stubFor(fallback(post(urlPathEqualTo(ACCOUNT + "/conversations"))).willReturn(json(conversation(42))));
		server.stubFor(fallback(get(urlPathMatching(MESSAGES))).willReturn(json(messages(""))));
		server.stubFor(fallback(post(urlPathMatching(MESSAGES)))
			.willReturn(json(CREATED_MESSAGE).withTransformers("response-template")));
	}

	public static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
	}

	/** Chatwoot's errors: {@code {"error": ...}} with the status. */
	public static ResponseDefinitionBuilder error(int status, String error) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody("{\"error\":\"" + error + "\"}");
	}

	/**
	 * Rails' answer to a record that failed validation (a unique phone or e-mail taken):
	 * {@code {"message": ..., "attributes": [...]}}, not {@code error}.
	 */
	public static ResponseDefinitionBuilder invalid(String message, String attribute) {
		return aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody("{\"message\":\"" + message + "\",\"attributes\":[\"" + attribute + "\"]}");
	}

	/** rack-attack's default throttle answer: plain text, no Retry-After. */
	public static ResponseDefinitionBuilder throttled() {
		return aResponse().withStatus(429).withHeader("Content-Type", "text/plain").withBody("Retry later\n");
	}

	public static String conversation(long id) {
		return """
				{"meta":{"sender":{"additional_attributes":{},"availability_status":"offline","email":null,"id":207,
				 "name":"Ana Souza","phone_number":"+5511999990000","blocked":false,"identifier":null,"thumbnail":"",
				 "custom_attributes":{},"last_activity_at":1767600000,"created_at":1767600000},
				 "channel":"Channel::Whatsapp","hmac_verified":false},
				 "id":%d,"messages":[],"account_id":1,"uuid":"5a8c3f2e-2f1b-4c2e-9a55-0c1f8f2b6d11",
				 "additional_attributes":{},"agent_last_seen_at":0,"assignee_last_seen_at":0,"can_reply":false,
				 "contact_last_seen_at":0,"custom_attributes":{},"inbox_id":4,"labels":[],"muted":false,
				 "snoozed_until":null,"status":"open","created_at":1767600000,"updated_at":1767600000.0,
				 "timestamp":1767600000,"first_reply_created_at":null,"unread_count":0,"last_non_activity_message":null,
				 "last_activity_at":1767600000,"priority":null,"waiting_since":0}
				""".formatted(id);
	}

	/**
	 * A contact as the contacts endpoints answer it (search, show, update), with its
	 * contact inboxes; {@code email} and {@code phone} may be null.
	 */
	public static String contact(long id, String name, String email, String phone, String... contactInboxes) {
		return """
				{"additional_attributes":{},"availability_status":"offline","email":%s,"id":%d,"name":"%s",
				 "phone_number":%s,"identifier":null,"thumbnail":"","blocked":false,"custom_attributes":{},
				 "last_activity_at":1767600000,"created_at":1767600000,"contact_inboxes":[%s]}
				""".formatted(quoted(email), id, name, quoted(phone), String.join(",", contactInboxes));
	}

	/** A contact inbox of the WhatsApp inbox (4) as a contact lists it. */
	public static String whatsappContactInbox(String sourceId) {
		return """
				{"source_id":"%s","inbox":{"id":4,"avatar_url":"","channel_id":1,"name":"WhatsApp Sales",
				 "channel_type":"Channel::Whatsapp","provider":"whatsapp_cloud"}}
				""".formatted(sourceId);
	}

	/**
	 * A contact inbox of a website widget inbox (9), where an e-mail-only contact lives.
	 */
	public static String widgetContactInbox() {
		return """
				{"source_id":"1f0c9a52-8a4e-4d0b-9c61-3a0d5f7e2b10","inbox":{"id":9,"avatar_url":"","channel_id":2,
				 "name":"Website","channel_type":"Channel::WebWidget","provider":null}}
				""";
	}

	/** A {@code GET /contacts/search} answer holding these contacts (one page). */
	public static String searchResult(String... contacts) {
		return "{\"meta\":{\"count\":" + contacts.length + ",\"current_page\":1,\"has_more\":false},\"payload\":["
				+ String.join(",", contacts) + "]}";
	}

	private static String quoted(String value) {
		return (value == null) ? "null" : "\"" + value + "\"";
	}

	/** A list-messages answer holding these message objects. */
	public static String messages(String payload) {
		return """
				{"meta":{"labels":[],"additional_attributes":{},"contact":{"additional_attributes":{},"custom_attributes":{},
				 "email":null,"id":207,"identifier":null,"name":"Ana Souza","phone_number":"+5511999990000","thumbnail":"",
				 "blocked":false,"type":"contact"},"agent_last_seen_at":null,"assignee_last_seen_at":null},
				 "payload":[%s]}
				"""
			.formatted(payload);
	}

	/**
	 * A message as {@code GET .../messages} lists it; message_type is an integer there.
	 */
	public static String message(long id, int messageType, long createdAt, String marker) {
		String attributes = (marker != null) ? "{\"external_delivery_id\":\"" + marker + "\"}" : "{}";
		return """
				{"id":%d,"content":"…","inbox_id":4,"conversation_id":42,"message_type":%d,"content_type":"text",
				 "status":"sent","content_attributes":%s,"created_at":%d,"private":false,"source_id":null,
				 "sender":{"id":207,"name":"Ana Souza","type":"contact"}}
				""".formatted(id, messageType, attributes, createdAt);
	}

	private static MappingBuilder fallback(MappingBuilder mapping) {
		return mapping.atPriority(DEFAULT_PRIORITY);
	}

	private static final String CREATED_CONTACT = """
			{"payload":{"contact":{"additional_attributes":{},"availability_status":"offline","email":null,"id":207,
			 "name":"Ana Souza","phone_number":"+5511999990000","blocked":false,"identifier":null,"thumbnail":"",
			 "custom_attributes":{},"last_activity_at":null,"created_at":1767600000,
			 "contact_inboxes":[{"source_id":"5511999990000","inbox":{"id":4,"avatar_url":"","channel_id":1,
			 "name":"WhatsApp Sales","channel_type":"Channel::Whatsapp","provider":"whatsapp_cloud"}}]},
			 "contact_inbox":{"inbox":{"id":4,"channel_id":1,"name":"WhatsApp Sales","channel_type":"Channel::Whatsapp"},
			 "source_id":"5511999990000"}}}
			""";

	private static final String CONTACT_INBOX = """
			{"source_id":"5511999990000","inbox":{"id":4,"avatar_url":"","channel_id":1,"name":"WhatsApp Sales",
			 "channel_type":"Channel::Whatsapp","provider":"whatsapp_cloud"}}
			""";

	private static final String CREATED_MESSAGE = """
			{"id":{{randomInt lower=10000 upper=99999}},"content":"…","inbox_id":4,"echo_id":null,
			 "conversation_id":{{request.path.[5]}},"message_type":1,"content_type":"text","status":"sent",
			 "content_attributes":{"external_delivery_id":"{{jsonPath request.body '$.content_attributes.external_delivery_id'}}"},
			 "created_at":1767600000,"private":false,"source_id":null,
			 "sender":{"id":3,"name":"Integration","available_name":"Integration","avatar_url":"","type":"user",
			 "availability_status":"offline","thumbnail":""}}
			""";

}
