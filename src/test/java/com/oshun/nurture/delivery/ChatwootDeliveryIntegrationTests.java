package com.oshun.nurture.delivery;

import com.oshun.nurture.ChatwootWebhooks;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootStubs;
import com.oshun.nurture.IntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.oshun.nurture.ChatwootStubs.ACCOUNT;
import static com.oshun.nurture.ChatwootStubs.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Steps delivered through Chatwoot (WireMock answering like 4.15): routing, the 24 h
 * window and templates, Instagram, exactly-once after a crash, and faults.
 */
class ChatwootDeliveryIntegrationTests extends IntegrationTest {

	private static final String PHONE_DIGITS = "55119999" + String.format("%04d", Math.abs("c_1".hashCode()) % 10000);

	private static final String PHONE = "+" + PHONE_DIGITS;

	/**
	 * The booking's Brazilian mobile ({@code PHONE}, without its 9th digit) as stored.
	 */
	private static final String STORED_PHONE = "+5511" + "9" + PHONE_DIGITS.substring(4);

	record Step(String status, String channel, String reason, String externalId) {
	}

	@BeforeEach
	void chatwootDelivers() {
		delivery.useChatwoot();
	}

	@Test
	void aFirstContactOnWhatsappCreatesContactAndConversationAndUsesTheObjectivesTemplate() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT6H");

		assertThat(step(1).status()).isEqualTo("sent");
		assertThat(step(1).channel()).isEqualTo("whatsapp");
		assertThat(step(1).externalId()).startsWith("chatwoot:");
		// by phone (in both Brazilian forms), then by e-mail (Chatwoot's own
		// identifiers), before creating the contact
		assertThat(CHATWOOT.findAll(getRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/search"))))
			.extracting(search -> search.queryParameter("q").firstValue())
			.containsExactly(STORED_PHONE, PHONE, "c_1@example.com");
		JsonNode contact = body(CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts"))).get(0));
		assertThat(contact.get("phone_number").stringValue()).isEqualTo(STORED_PHONE);
		assertThat(contact.get("inbox_id").longValue()).isEqualTo(4);
		JsonNode conversation = body(
				CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations"))).get(0));
		assertThat(conversation.get("contact_id").longValue()).isEqualTo(207);
		assertThat(conversation.get("source_id").stringValue()).isEqualTo("5511999990000");
		JsonNode message = onlyMessageSent();
		assertThat(message.get("content_attributes").get("external_delivery_id").stringValue())
			.isEqualTo("nurture:1/1");
		JsonNode template = message.get("template_params");
		assertThat(template.get("name").stringValue()).isEqualTo("booking_reschedule");
		assertThat(template.get("language").stringValue()).isEqualTo("pt_BR");
		assertThat(template.get("processed_params").get("body").get("1").stringValue()).isEqualTo("Ana");
		assertThat(template.get("processed_params").get("body").get("2").stringValue()).isEqualTo("botox");
		assertThat(jdbc.sql("select key from contact_keys where key like 'chatwoot:%'").query(String.class).list())
			.containsExactly("chatwoot:207");

		advance("P2D");

		assertThat(step(2).status()).isEqualTo("skipped");
		assertThat(step(2).reason())
			.isEqualTo("outside the WhatsApp 24 h window and no template configured for objective availability");
		// nothing searched again once the contact is known
		assertThat(CHATWOOT.findAll(getRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/search")))).hasSize(3);
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))).hasSize(1);
	}

	@Test
	void theOpenConversationHoldingTheLastInboundIsReusedAndGetsFreeTextInsideTheWindow() {
		long inboundAt = START.plus(Duration.ofHours(1)).getEpochSecond();
		CHATWOOT.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/search")).atPriority(1)
			.willReturn(ChatwootStubs
				.json("""
						{"meta":{"count":2,"current_page":1,"has_more":false},"payload":[
						 {"id":300,"name":"Someone Else","phone_number":"%s1","email":null,"identifier":null,
						  "additional_attributes":{},"custom_attributes":{},"thumbnail":"","blocked":false,"contact_inboxes":[]},
						 {"id":207,"name":"Ana Souza","phone_number":"%s","email":null,"identifier":null,
						  "additional_attributes":{},"custom_attributes":{},"thumbnail":"","blocked":false,
						  "contact_inboxes":[{"source_id":"%s","inbox":{"id":4,"avatar_url":"","channel_id":1,
						  "name":"WhatsApp Sales","channel_type":"Channel::Whatsapp","provider":"whatsapp_cloud"}}]}]}
						"""
					.formatted(PHONE, PHONE, PHONE_DIGITS))));
		CHATWOOT.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/207/conversations")).atPriority(1)
			.willReturn(ChatwootStubs
				.json("{\"payload\":[" + ChatwootStubs.conversation(43).replace("\"open\"", "\"resolved\"") + ","
						+ ChatwootStubs.conversation(42) + "]}")));
		CHATWOOT.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/42/messages")).atPriority(1)
			.willReturn(ChatwootStubs.json(ChatwootStubs.messages(ChatwootStubs.message(9001, 0, inboundAt, null)))));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT6H");

		assertThat(step(1).status()).isEqualTo("sent");
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts")))).isEmpty();
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations")))).isEmpty();
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/42/messages"))))
			.hasSize(1);
		assertThat(onlyMessageSent().has("template_params")).isFalse();
		assertThat(jdbc.sql("select key from contact_keys where key like 'chatwoot:%'").query(String.class).list())
			.containsExactly("chatwoot:207");
	}

	@Test
	void aReplyInTheEveningLetsTheStepDueNextMorningGoAsFreeTextInsideTheWindow() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		assertThat(step(1).status()).isEqualTo("sent");
		Instant due = jdbc.sql("select due_at from nurture_step_runs where step_no = 2")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
		Instant evening = due.minus(Duration.ofHours(13));
		http.post("/api/clock/advance", "{\"to\":\"" + evening + "\"}").expect(200);
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(STORED_PHONE, "tem horário na sexta?", evening))
			.expect(202);

		http.post("/api/clock/advance", "{\"to\":\"" + due.plus(Duration.ofMinutes(5)) + "\"}").expect(200);

		assertThat(step(2).status()).isEqualTo("sent");
		List<LoggedRequest> sent = CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)));
		// the step, the answer to "tem horário" (the booking link, hand-off being off),
		// the next step
		assertThat(sent).hasSize(3);
		assertThat(body(sent.get(1)).get("content_attributes").get("external_delivery_id").stringValue())
			.startsWith("nurture:book/");
		assertThat(body(sent.get(1)).has("template_params")).isFalse();
		assertThat(body(sent.get(2)).has("template_params")).isFalse();
		assertThat(body(sent.get(2)).get("content").stringValue()).isNotBlank();
		JsonNode funnel = http.get("/api/reports/funnel?from=2026-01-01&to=2026-03-31").expect(200).json();
		for (JsonNode row : funnel.get("sequences")) {
			if (row.get("sequence").stringValue().equals("no_show")) {
				JsonNode steps = row.get("steps");
				assertThat(steps.get(0).get("template").longValue()).isEqualTo(1);
				assertThat(steps.get(0).get("freeText").longValue()).isZero();
				assertThat(steps.get(1).get("freeText").longValue()).isEqualTo(1);
				assertThat(steps.get(1).get("template").longValue()).isZero();
			}
		}
	}

	@Test
	void aStepDueJustAfterTheWindowClosesIsPulledForwardIntoItAsFreeText() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("P2D");
		Instant due = jdbc.sql("select due_at from nurture_step_runs where step_no = 3")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
		Instant reply = due.minus(Duration.ofHours(26));
		http.post("/api/clock/advance", "{\"to\":\"" + reply + "\"}").expect(200);
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(STORED_PHONE, "e quanto custa?", reply)).expect(202);

		http.post("/api/clock/advance", "{\"to\":\"" + due.plus(Duration.ofMinutes(5)) + "\"}").expect(200);

		assertThat(step(3).status()).isEqualTo("sent");
		assertThat(step(3).reason()).contains("pulled forward into the WhatsApp window");
		Instant sentAt = jdbc.sql("select sent_at from nurture_step_runs where step_no = 3")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
		assertThat(sentAt).isBefore(reply.plus(Duration.ofHours(24)));
		List<LoggedRequest> sent = CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)));
		assertThat(body(sent.get(sent.size() - 1)).has("template_params")).isFalse();
	}

	@Test
	void aConversationAssignedToAnAgentDefersTheStepWithTheReasonUntilItIsResolved() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		long conversation = jdbc.sql("select conversation_id from chatwoot_conversations").query(Long.class).single();
		ChatwootWebhooks.post(http, conversationEvent(conversation, "conversation_updated", "open", """
				"changed_attributes":[{"assignee_id":{"previous_value":null,"current_value":5}}]""")).expect(202);

		advance("P2D");

		assertThat(step(2).status()).isEqualTo("scheduled");
		assertThat(step(2).reason()).isEqualTo("deferred: the Chatwoot conversation is assigned to an agent (5)");

		ChatwootWebhooks
			.post(http,
					conversationEvent(conversation, "conversation_status_changed", "resolved",
							"\"changed_attributes\":null"))
			.expect(202);
		advance("PT2H");

		assertThat(step(2).status()).isEqualTo("skipped");
		assertThat(step(2).reason()).startsWith("outside the WhatsApp 24 h window");
	}

	/**
	 * A conversation event as Chatwoot's webhook listener sends it: the conversation's
	 * event data with {@code meta.assignee} (agent 5, a User), its status and the changed
	 * attributes.
	 */
	private static String conversationEvent(long id, String event, String status, String changes) {
		String conversation = ChatwootStubs.conversation(id)
			.replace("\"channel\":\"Channel::Whatsapp\",\"hmac_verified\":false}", """
					"channel":"Channel::Whatsapp","hmac_verified":false,
					"assignee":{"id":5,"name":"Rita","available_name":"Rita","avatar_url":"","type":"user",
					 "availability_status":"online","thumbnail":""},"assignee_type":"User","team":null}""")
			.replace("\"status\":\"open\"", "\"status\":\"" + status + "\"")
			.strip();
		return conversation.substring(0, conversation.length() - 1) + ",\"event\":\"" + event + "\"," + changes + "}";
	}

	@Test
	void instagramWithoutAPriorDmFallsBackToWhatsapp() {
		http.booking(BookingJson.noShow("evt_1", "c_1")
			.replace("\"preferredChannel\":\"whatsapp\"", "\"preferredChannel\":\"instagram\"")).expect(202);

		advance("PT6H");

		assertThat(step(1).status()).isEqualTo("sent");
		assertThat(step(1).channel()).isEqualTo("whatsapp");
		assertThat(onlyMessageSent().has("template_params")).isTrue();
	}

	@Test
	void instagramWithoutAPriorDmAndNoPhoneIsSkippedWithTheReason() {
		http.put("/api/contacts/c_9",
				"{\"name\":\"Bea\",\"preferredChannel\":\"instagram\",\"procedureInterest\":\"skin\"}")
			.expect(200);
		http.post("/api/contacts/c_9/warm-lead", "{\"procedure\":\"skin\"}").expect(200);

		advance("P3D");

		assertThat(step(1).status()).isEqualTo("skipped");
		assertThat(step(1).reason())
			.isEqualTo("instagram: the contact has never messaged us on Instagram; no phone for a WhatsApp fallback");
		assertThat(CHATWOOT.getAllServeEvents()).isEmpty();
	}

	@Test
	void aCrashBetweenThePostAndRecordingItSendsNoSecondMessage() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		assertThat(step(1).status()).isEqualTo("sent");
		String marker = onlyMessageSent().get("content_attributes").get("external_delivery_id").stringValue();
		// What a crash after Chatwoot took the message leaves: the step still in flight,
		// its lease running out, and the message (with its marker) in the conversation.
		jdbc.sql("""
				update nurture_step_runs set status = 'sending', sent_at = null, lease_until = :at where step_no = 1
				""").param("at", java.time.OffsetDateTime.parse("2026-01-05T14:00:00Z")).update();
		CHATWOOT.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/42/messages")).atPriority(1)
			.willReturn(
					ChatwootStubs.json(ChatwootStubs.messages(ChatwootStubs.message(9107, 1, 1767600000L, marker)))));

		advance("PT1H");

		assertThat(step(1).status()).isEqualTo("sent");
		assertThat(step(1).externalId()).isEqualTo("chatwoot:9107");
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))).hasSize(1);
		assertThat(CHATWOOT.findAll(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/42/messages"))))
			.isNotEmpty();
	}

	@Test
	void aTimeoutAfterChatwootTookTheMessageIsNotSentTwice() {
		CHATWOOT.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
			.willReturn(ChatwootStubs.json(ChatwootStubs.message(9107, 1, 1767600000L, "nurture:1/1"))
				.withFixedDelay(6000)));
		CHATWOOT.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/42/messages")).atPriority(1)
			.willReturn(ChatwootStubs
				.json(ChatwootStubs.messages(ChatwootStubs.message(9107, 1, 1767600000L, "nurture:1/1")))));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT4H");
		assertThat(step(1).status()).isEqualTo("sending");
		assertThat(step(1).reason()).isEqualTo("attempt 1: Chatwoot unreachable: timed out");
		advance("PT2H");

		assertThat(step(1).status()).isEqualTo("sent");
		assertThat(step(1).externalId()).isEqualTo("chatwoot:9107");
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))).hasSize(1);
	}

	@Test
	void stormsOf429And5xxAreRetriedUntilEveryStepIsDeliveredOnce() {
		String storm = "storm";
		String[] answers = { "throttled", "throttled", "unavailable", "throttled", "bad gateway", "ok" };
		for (int i = 0; i < answers.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : answers[i - 1] + i;
			var answer = switch (answers[i]) {
				case "throttled" -> ChatwootStubs.throttled();
				case "unavailable" -> ChatwootStubs.error(503, "Service Unavailable");
				case "bad gateway" -> com.github.tomakehurst.wiremock.client.WireMock.aResponse()
					.withStatus(502)
					.withHeader("Content-Type", "text/html")
					.withBody("<html>502 Bad Gateway</html>");
				default -> ChatwootStubs.json(ChatwootStubs.message(9200, 1, 1767600000L, "nurture:1/1"));
			};
			CHATWOOT.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
				.inScenario(storm)
				.whenScenarioStateIs(state)
				.willSetStateTo(answers[i] + (i + 1))
				.willReturn(answer));
		}
		CHATWOOT.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/search")).atPriority(1)
			.inScenario("search")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("answered")
			.willReturn(ChatwootStubs.throttled()));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT4H");
		assertThat(step(1).status()).isEqualTo("sending");
		assertThat(step(1).reason()).isEqualTo("attempt 1: Chatwoot 429: Retry later");
		advance("P1D");

		assertThat(step(1).status()).isEqualTo("sent");
		assertThat(step(1).externalId()).isEqualTo("chatwoot:9200");
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))).hasSize(6);
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts")))).hasSize(1);
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations")))).hasSize(1);
		assertThat(jdbc.sql("select attempts from nurture_step_runs where step_no = 1").query(Integer.class).single())
			.isEqualTo(7);
	}

	@Test
	void aContactsNextStepWaitsBehindTheStepStillRetrying() {
		CHATWOOT.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
			.willReturn(ChatwootStubs.error(503, "Service Unavailable")));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		// Chatwoot is down for days: step 1 keeps retrying, step 2 falls due behind it.
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> advance("P3D"));
		assertThat(step(1).status()).isEqualTo("sending");
		assertThat(step(2).status()).isEqualTo("scheduled");
		int attempts = jdbc.sql("select attempts from nurture_step_runs where step_no = 1")
			.query(Integer.class)
			.single();
		assertThat(attempts).isGreaterThan(3);

		CHATWOOT.resetAll();
		ChatwootStubs.defaults(CHATWOOT);
		advance("PT1H");
		assertThat(step(1).status()).isEqualTo("sent");
		advance("P2D");
		// Its turn came once step 1 went out (this test configures no template for it).
		assertThat(step(2).status()).isEqualTo("skipped");
		assertThat(step(2).reason()).contains("no template configured for objective availability");
	}

	@Test
	void aBookingWhileAStepWaitsForItsRetryStopsItBecauseItHadNotGoneOut() {
		CHATWOOT.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
			.willReturn(ChatwootStubs.error(500, "Internal Server Error")));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT4H");
		assertThat(step(1).status()).isEqualTo("sending");

		http.booking(BookingJson.created("evt_2", "c_1")).expect(202);
		advance("P1D");

		assertThat(step(1).status()).isEqualTo("skipped");
		assertThat(step(1).reason()).isEqualTo("not sent: the enrollment ended before the step could be retried");
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))).hasSize(1);
		assertThat(CHATWOOT.findAll(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/42/messages"))))
			.isNotEmpty();
	}

	@Test
	void permanentErrorsFailTheStepWithChatwootsErrorText() {
		CHATWOOT.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
			.willReturn(ChatwootStubs.error(401, "You are not authorized to do this action")));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		http.booking(BookingJson.noShow("evt_2", "c_2")).expect(202);

		advance("PT6H");

		assertThat(jdbc.sql("select status || ' ' || reason from nurture_step_runs where step_no = 1")
			.query(String.class)
			.list()).containsOnly("failed Chatwoot 401: You are not authorized to do this action");
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))).hasSize(2);
	}

	@Test
	void chatwootsPerConversationFloodGuardIsWaitedOutNotFailed() {
		CHATWOOT.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
			.inScenario("flood")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("flooded")
			.willReturn(ChatwootStubs.error(422, "Validation failed: Too many messages")));
		CHATWOOT.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
			.inScenario("flood")
			.whenScenarioStateIs("flooded")
			.willReturn(ChatwootStubs.json(ChatwootStubs.message(9300, 1, 1767600000L, "nurture:1/1"))));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT4H");
		assertThat(step(1).status()).isEqualTo("sending");
		assertThat(step(1).reason()).isEqualTo("attempt 1: Chatwoot 422: Validation failed: Too many messages");
		advance("PT1H");

		assertThat(step(1).status()).isEqualTo("sent");
		assertThat(step(1).externalId()).isEqualTo("chatwoot:9300");
	}

	@Test
	void aDuplicatePhoneIsAPermanentErrorWithChatwootsValidationMessage() {
		CHATWOOT.stubFor(post(urlPathEqualTo(ACCOUNT + "/contacts")).atPriority(1)
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(422)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody("{\"message\":\"Phone number has already been taken\",\"attributes\":[\"phone_number\"]}")));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT6H");

		assertThat(step(1).status()).isEqualTo("failed");
		assertThat(step(1).reason()).isEqualTo("Chatwoot 422: Phone number has already been taken");
	}

	@Test
	void theApplicationsOwnDeliveryIsChatwootWhenConfigured(
			@org.springframework.beans.factory.annotation.Autowired org.springframework.context.ApplicationContext context) {
		assertThat(context.getBean("messageDelivery").getClass().getSimpleName()).isEqualTo("ChatwootDelivery");
	}

	private Step step(int stepNo) {
		return jdbc.sql("select status, channel, reason, external_id from nurture_step_runs where step_no = :s")
			.param("s", stepNo)
			.query((rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	private JsonNode onlyMessageSent() {
		List<LoggedRequest> sent = CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)));
		assertThat(sent).hasSize(1);
		return body(sent.get(0));
	}

	private static JsonNode body(LoggedRequest request) {
		return JsonMapper.builder().build().readTree(request.getBodyAsString());
	}

}
