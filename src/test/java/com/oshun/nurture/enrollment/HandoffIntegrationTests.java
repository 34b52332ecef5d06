package com.oshun.nurture.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootStubs;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.oshun.nurture.ChatwootStubs.ACCOUNT;
import static com.oshun.nurture.ChatwootStubs.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People before sequences, through Chatwoot's real webhooks and a WireMock Chatwoot: a
 * reply asking to book is handed to the clinic's team or agent (assignment and private
 * note) and the sequence waits until the conversation is resolved; a question waits for a
 * person to answer it.
 */
class HandoffIntegrationTests extends IntegrationTest {

	private static final String PHONE_DIGITS = "55119999" + String.format("%04d", Math.abs("c_1".hashCode()) % 10000);

	/** The booking's Brazilian mobile as stored (with its 9th digit). */
	private static final String STORED_PHONE = "+5511" + "9" + PHONE_DIGITS.substring(4);

	private static final String ASSIGNMENTS = ACCOUNT + "/conversations/[0-9]+/assignments";

	@BeforeEach
	void chatwootDelivers() {
		delivery.useChatwoot();
		// AssignmentsController answers a team assignment with the team record
		// (render json: @team), an agent assignment with the agent partial
		CHATWOOT.stubFor(post(urlPathMatching(ASSIGNMENTS))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.team_id"))
			.willReturn(ChatwootStubs
				.json("""
						{"id":3,"name":"front desk","description":"Bookings","allow_auto_assign":true,
						 "account_id":1,"created_at":"2026-01-02T10:00:00.000Z","updated_at":"2026-01-02T10:00:00.000Z"}""")));
		CHATWOOT.stubFor(post(urlPathMatching(ASSIGNMENTS))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.assignee_id"))
			.willReturn(ChatwootStubs.json("""
					{"id":5,"account_id":1,"availability_status":"online","auto_offline":true,"confirmed":true,
					 "email":"rita@clinic.example","available_name":"Rita","name":"Rita","role":"agent",
					 "thumbnail":"","custom_role_id":null}""")));
	}

	@Test
	void aReplyAskingToBookIsAssignedToTheTeamWithAPrivateNoteAndTheSequenceWaitsUntilResolved() {
		handoffs.toTeam(3);
		firstStepSent();
		Instant at = now();

		reply("Oi! Quero marcar uma consulta à tarde", at);

		List<LoggedRequest> assignments = CHATWOOT.findAll(postRequestedFor(urlPathMatching(ASSIGNMENTS)));
		assertThat(assignments).hasSize(1);
		assertThat(body(assignments.get(0)).get("team_id").longValue()).isEqualTo(3);
		assertThat(body(assignments.get(0)).has("assignee_id")).isFalse();
		long conversation = Long.parseLong(assignments.get(0).getUrl().split("/")[6]);
		JsonNode note = privateNotes().get(0);
		assertThat(note.get("message_type").stringValue()).isEqualTo("outgoing");
		assertThat(note.get("private").booleanValue()).isTrue();
		assertThat(note.get("content").stringValue()).contains("no_show")
			.contains("wants to book")
			.contains("Quero marcar uma consulta");
		assertThat(stepRow(2).reason()).isEqualTo(
				"waiting: handed off to the clinic's people until the conversation is resolved: assigned to team 3: "
						+ "the contact asked to book (\"marcar uma consulta\")");

		advance("P2D");

		assertThat(stepRow(2).status()).isEqualTo("scheduled");
		assertThat(stepRow(2).reason()).isEqualTo(
				"deferred: handed off to the clinic's people until the conversation is resolved: assigned to team 3: "
						+ "the contact asked to book (\"marcar uma consulta\")");

		ChatwootWebhooks.post(http, resolved(conversation)).expect(202);
		advance("PT2H");

		assertThat(stepRow(2).status()).isNotEqualTo("scheduled");
		assertThat(String.valueOf(stepRow(2).reason())).doesNotContain("handed off");
	}

	@Test
	void anAgentHandOffAssignsTheAgent() {
		handoffs.toAgent(5);
		firstStepSent();

		reply("Can I book a session for Friday?", now());

		List<LoggedRequest> assignments = CHATWOOT.findAll(postRequestedFor(urlPathMatching(ASSIGNMENTS)));
		assertThat(assignments).hasSize(1);
		assertThat(body(assignments.get(0)).get("assignee_id").longValue()).isEqualTo(5);
		assertThat(privateNotes()).hasSize(1);
		advance("P2D");
		assertThat(stepRow(2).status()).isEqualTo("scheduled");
		assertThat(stepRow(2).reason()).contains("assigned to agent 5: the contact asked to book (\"can i book\")");
	}

	@Test
	void withHandOffOffABookingReplyAssignsNothing() {
		firstStepSent();

		reply("Quero marcar uma consulta", now());

		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(ASSIGNMENTS)))).isEmpty();
		assertThat(privateNotes()).isEmpty();
		advance("P2D");
		assertThat(stepRow(2).status()).isEqualTo("sent");
	}

	@Test
	void aQuestionHoldsTheNextStepUntilTheQuestionWaitWhenNobodyAnswers() {
		firstStepSent();
		Instant due = dueAt(2);
		Instant asked = due.minus(Duration.ofHours(3));
		http.post("/api/clock/advance", "{\"to\":\"" + asked + "\"}").expect(200);

		reply("Vocês abrem no sábado?", asked);
		// the quiet gap (2 h) has passed, the question wait (4 h) has not
		http.post("/api/clock/advance", "{\"to\":\"" + due.plus(Duration.ofMinutes(5)) + "\"}").expect(200);

		assertThat(stepRow(2).status()).isEqualTo("scheduled");
		assertThat(stepRow(2).reason())
			.isEqualTo("deferred: the contact asked a question: waiting for a person to answer it");

		http.post("/api/clock/advance", "{\"to\":\"" + asked.plus(Duration.ofHours(5)) + "\"}").expect(200);

		assertThat(stepRow(2).status()).isEqualTo("sent");
	}

	@Test
	void theTemplateSendsCategoryIsStoredOnTheStepAndCountedInTheFunnel() {
		firstStepSent();

		assertThat(jdbc.sql("select sent_as || ' ' || template_category from nurture_step_runs where step_no = 1")
			.query(String.class)
			.single()).isEqualTo("template marketing");
		JsonNode steps = noShowSteps();
		assertThat(steps.get(0).get("template").longValue()).isEqualTo(1);
		assertThat(steps.get(0).get("templateMarketing").longValue()).isEqualTo(1);
		assertThat(steps.get(0).get("templateUtility").longValue()).isZero();
		assertThat(steps.get(0).get("freeText").longValue()).isZero();
		assertThat(steps.get(1).get("templateMarketing").longValue()).isZero();

		// the funnel counts what was stored at send time, not today's configuration
		jdbc.sql("update nurture_step_runs set template_category = 'utility' where step_no = 1").update();
		steps = noShowSteps();
		assertThat(steps.get(0).get("templateUtility").longValue()).isEqualTo(1);
		assertThat(steps.get(0).get("templateMarketing").longValue()).isZero();
	}

	private JsonNode noShowSteps() {
		JsonNode funnel = http.get("/api/reports/funnel?from=2026-01-01&to=2026-03-31").expect(200).json();
		for (JsonNode row : funnel.get("sequences")) {
			if (row.get("sequence").stringValue().equals("no_show")) {
				return row.get("steps");
			}
		}
		throw new AssertionError("no no_show row");
	}

	private void firstStepSent() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		assertThat(stepRow(1).status()).isEqualTo("sent");
	}

	private void reply(String text, Instant at) {
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(STORED_PHONE, text, at)).expect(202);
	}

	private List<JsonNode> privateNotes() {
		return CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))
			.stream()
			.map(HandoffIntegrationTests::body)
			.filter(message -> message.path("private").booleanValue())
			.toList();
	}

	/** Chatwoot's conversation_status_changed event for a resolved conversation. */
	private static String resolved(long id) {
		String conversation = ChatwootStubs.conversation(id)
			.replace("\"status\":\"open\"", "\"status\":\"resolved\"")
			.strip();
		return conversation.substring(0, conversation.length() - 1)
				+ ",\"event\":\"conversation_status_changed\",\"changed_attributes\":null}";
	}

	private Instant dueAt(int stepNo) {
		return stepTime("due_at", stepNo);
	}

	private static JsonNode body(LoggedRequest request) {
		return JsonMapper.builder().build().readTree(request.getBodyAsString());
	}

}
