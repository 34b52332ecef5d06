package com.oshun.nurture.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.oshun.nurture.ChatwootStubs.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state of the contact's Chatwoot conversation, from Chatwoot's own webhook payloads
 * ({@code src/test/resources/chatwoot/}) and a WireMock Chatwoot: a resolution ends a
 * reply's quiet gap at once, an assignment holds the next step, and an agent's or
 * Captain's own message holds it for the owner-quiet time.
 */
class ConversationStateIntegrationTests extends IntegrationTest {

	private static final String PHONE_DIGITS = "55119999" + String.format("%04d", Math.abs("c_1".hashCode()) % 10000);

	/** The booking's Brazilian mobile as stored (with its 9th digit). */
	private static final String STORED_PHONE = "+5511" + "9" + PHONE_DIGITS.substring(4);

	/** The conversation the WireMock Chatwoot creates and the fixtures name. */
	private static final long CONVERSATION = 42;

	@BeforeEach
	void chatwootDelivers() {
		delivery.useChatwoot();
	}

	@Test
	void aConversationResolvedAfterTheReplyEndsTheQuietGapAtOnce() {
		Instant replied = replyHalfAnHourBeforeStep2();
		moveTo(dueAt(2).plus(Duration.ofMinutes(5)));
		assertThat(stepRow(2).status()).isEqualTo("scheduled");
		assertThat(stepRow(2).reason()).isEqualTo("deferred: conversation live: not yet quiet for the quiet gap");

		ChatwootWebhooks.post(http, resolved(now())).expect(202);

		assertThat(stepRow(2).reason()).isEqualTo("the Chatwoot conversation was resolved: the step it held may go");
		assertThat(jdbc.sql("select status, resolved_at is not null from chatwoot_conversations")
			.query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2))
			.single()).isEqualTo("resolved true");
		advance("PT1M");

		assertThat(stepRow(2).status()).isEqualTo("sent");
		assertThat(sentAt(2)).isBefore(replied.plus(Duration.ofHours(1)));
		assertThat(sentAs(2)).isEqualTo("free_text");
		List<LoggedRequest> sent = CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)));
		assertThat(JsonMapper.builder()
			.build()
			.readTree(sent.get(sent.size() - 1).getBodyAsString())
			.has("template_params")).isFalse();
	}

	@Test
	void withoutAResolutionTheStepWaitsOutTheQuietGap() {
		Instant replied = replyHalfAnHourBeforeStep2();

		moveTo(replied.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(5)));

		assertThat(stepRow(2).status()).isEqualTo("sent");
		assertThat(sentAt(2)).isAfterOrEqualTo(replied.plus(Duration.ofHours(2)));
	}

	@Test
	void aResolutionBeforeTheReplyDoesNotEndItsQuietGapNorDoesAReopenedOne() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		Instant due = dueAt(2);
		moveTo(due.minus(Duration.ofHours(1)));
		ChatwootWebhooks.post(http, resolved(now())).expect(202);
		Instant replied = due.minus(Duration.ofMinutes(30));
		moveTo(replied);
		// Chatwoot reopens a resolved conversation when the contact writes
		reply("Certo, obrigada.", replied);
		ChatwootWebhooks.post(http, resolved(now()).replace("\"status\": \"resolved\"", "\"status\": \"open\""))
			.expect(202);

		moveTo(due.plus(Duration.ofMinutes(5)));

		assertThat(stepRow(2).status()).isEqualTo("scheduled");
		assertThat(stepRow(2).reason()).isEqualTo("deferred: conversation live: not yet quiet for the quiet gap");
		assertThat(jdbc.sql("select resolved_at is null from chatwoot_conversations").query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void anAssignmentFromConversationUpdatedHoldsTheStepUntilResolved() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		ChatwootWebhooks.post(http, ChatwootWebhooks.example("conversation_updated.assigned.json")).expect(202);

		moveTo(dueAt(2).plus(Duration.ofMinutes(5)));

		assertThat(stepRow(2).status()).isEqualTo("scheduled");
		assertThat(stepRow(2).reason()).isEqualTo("deferred: the Chatwoot conversation is assigned to an agent (5)");

		ChatwootWebhooks.post(http, resolved(now())).expect(202);
		advance("PT1M");

		// resolved at once, not at the next recheck; outside the window the step has
		// no template for its objective
		assertThat(stepRow(2).status()).isEqualTo("skipped");
		assertThat(stepRow(2).reason()).startsWith("outside the WhatsApp 24 h window");
	}

	@Test
	void captainsOwnMessageHoldsTheNextStepForTheOwnerQuietTime() {
		heldByAnOutgoingMessage(sender -> sender.replace("\"email\": \"rita@clinic.example\",\n    \"type\": \"user\"",
				"\"avatar_url\": \"\",\n    \"description\": \"Clinic assistant\",\n"
						+ "    \"created_at\": \"2026-01-02T10:00:00.000Z\",\n    \"type\": \"captain_assistant\""));
	}

	@Test
	void aMessageWithNoSenderSuchAsOneSentFromTheClinicsPhoneHoldsItToo() {
		heldByAnOutgoingMessage(body -> body.replaceFirst("\"sender\": \\{\n    \"id\": 5,[^}]*}", "\"sender\": null"));
	}

	/**
	 * An outgoing message without our marker, the agent's fixture changed by
	 * {@code sender}, an hour before step 2 is due: the step waits the owner-quiet time
	 * (4 h) from it.
	 */
	private void heldByAnOutgoingMessage(java.util.function.UnaryOperator<String> sender) {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		Instant due = dueAt(2);
		Instant wrote = due.minus(Duration.ofHours(1));
		moveTo(wrote);
		String agent = ChatwootWebhooks.example("message_created.outgoing_agent.json");
		String message = sender.apply(agent).replace("2026-06-17T10:06:00.655Z", wrote.toString());
		assertThat(message).isNotEqualTo(agent.replace("2026-06-17T10:06:00.655Z", wrote.toString()));
		ChatwootWebhooks.post(http, message).expect(202);

		moveTo(due.plus(Duration.ofMinutes(5)));

		assertThat(stepRow(2).status()).isEqualTo("scheduled");
		assertThat(stepRow(2).reason()).isEqualTo("deferred: an agent wrote in the Chatwoot conversation");
		moveTo(wrote.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(5)));
		assertThat(stepRow(2).status()).isNotEqualTo("scheduled");
	}

	/** The first step sent, then the contact's reply 30 minutes before step 2 is due. */
	private Instant replyHalfAnHourBeforeStep2() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		assertThat(stepRow(1).status()).isEqualTo("sent");
		Instant replied = dueAt(2).minus(Duration.ofMinutes(30));
		moveTo(replied);
		reply("Certo, obrigada.", replied);
		return replied;
	}

	/**
	 * Chatwoot's conversation_status_changed for conversation 42, resolved by agent 5,
	 * its {@code updated_at} at {@code at}.
	 */
	private static String resolved(Instant at) {
		String body = ChatwootWebhooks.example("conversation_status_changed.resolved.json");
		assertThat(body).contains("\"id\": " + CONVERSATION + ",");
		return body.replace("1781691600.412",
				at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000));
	}

	private void reply(String text, Instant at) {
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(STORED_PHONE, text, at)).expect(202);
	}

	private void moveTo(Instant at) {
		http.post("/api/clock/advance", "{\"to\":\"" + at + "\"}").expect(200);
	}

	private Instant dueAt(int stepNo) {
		return stepTime("due_at", stepNo);
	}

	private Instant sentAt(int stepNo) {
		return stepTime("sent_at", stepNo);
	}

	private String sentAs(int stepNo) {
		return jdbc.sql("select sent_as from nurture_step_runs where step_no = :s")
			.param("s", stepNo)
			.query(String.class)
			.single();
	}

}
