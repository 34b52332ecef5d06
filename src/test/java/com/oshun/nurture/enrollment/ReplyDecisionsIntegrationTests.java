package com.oshun.nurture.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.SlotStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.oshun.nurture.ChatwootStubs.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reply does, through Chatwoot's real {@code message_created} webhook: "later"
 * without a date snoozes by the default and resumes; asking to book with hand-off off is
 * answered with the booking link and the open slots as free text; a reply the rules
 * cannot decide is labelled by the LLM (an OpenAI-compatible provider stubbed by
 * WireMock), and when the LLM fails the rules' decision stands; STOP is never the LLM's.
 * Every decision is on the timeline with who made it.
 */
class ReplyDecisionsIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PHONE_DIGITS = "55119999" + String.format("%04d", Math.abs("c_1".hashCode()) % 10000);

	/** The booking's Brazilian mobile as stored (with its 9th digit). */
	private static final String STORED_PHONE = "+5511" + "9" + PHONE_DIGITS.substring(4);

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private static final String COMPLETIONS = "/v1/chat/completions";

	/** The LLM provider, stubbed: one server for the JVM. */
	private static final WireMockServer LLM = started();

	@BeforeEach
	void resetLlm() {
		LLM.resetAll();
	}

	@Test
	void laterWithoutADateSnoozesTheEnrollmentByTheDefaultAndResumesThen() {
		firstStepSent();
		LocalDate today = now().atZone(SAO_PAULO).toLocalDate();
		LocalDate resume = today.plusDays(30);

		reply("Agora não, mais pra frente a gente vê");

		String reason = "snoozed to " + resume
				+ " (no date given: the default 30 days): the contact asked to be written to later (\"agora nao\")";
		assertThat(stepRow(2).reason()).isEqualTo(reason);
		assertThat(pendingDueDates()).hasSize(3).allSatisfy(due -> assertThat(due).isAfterOrEqualTo(resume));
		assertThat(decisions()).containsExactly(
				"later by rules (\"agora nao\"): snoozed to " + resume + " (no date given: the default 30 days)");

		advance("P20D");
		assertThat(stepRow(2).status()).isEqualTo("scheduled");

		advance("P15D");
		assertThat(stepRow(2).status()).isEqualTo("sent");
		assertThat(sentAt(2).atZone(SAO_PAULO).toLocalDate()).isBetween(resume, resume.plusDays(2));
	}

	@Test
	void withHandOffOffAReplyAskingToBookGetsTheBookingLinkAndTheOpenSlotsAsFreeText() {
		delivery.useChatwoot();
		SlotStubs.calcomAnswers(SLOTS, "America/Sao_Paulo", SlotStubs.CALCOM_SAO_PAULO);
		http.booking(BookingJson.noShow("evt_1", "c_1").replace("\"procedure\":\"botox\"", "\"procedure\":\"peel\""))
			.expect(202);

		reply("Oi! Quero marcar uma consulta");

		List<JsonNode> sent = publicMessages();
		assertThat(sent).hasSize(1);
		String text = "Claro! Você pode agendar aqui: https://oshun.clinic/book Os próximos horários livres: "
				+ "(1) quinta 14:30, (2) sexta 10:00 ou (3) sábado 9:15. Se preferir, responda com o número.";
		assertThat(sent.get(0).get("content").stringValue()).isEqualTo(text);
		assertThat(sent.get(0).has("template_params")).isFalse();
		assertThat(sent.get(0).get("content_attributes").get("external_delivery_id").stringValue())
			.startsWith("nurture:book/");
		assertThat(decisions()).singleElement()
			.asString()
			.startsWith(
					"book by rules (\"marcar uma consulta\"): sent the booking link and 3 open times as free text (chatwoot:");
		assertThat(timeline("message_out")).extracting(entry -> entry.get("content").stringValue())
			.containsExactly(text);

		// the slots were remembered: "2" gets Friday's own link
		reply("2");

		assertThat(publicMessages()).hasSize(2)
			.last()
			.satisfies(pick -> assertThat(pick.get("content").stringValue())
				.startsWith("Ótimo! Para agendar sexta 10:00, é só abrir: https://cal.com/oshun-clinic/peel?"));
	}

	@Test
	void aConversationAnAgentHoldsGetsNoBookingAnswerFromNurture() {
		delivery.useChatwoot();
		firstStepSent();
		ChatwootWebhooks.post(http, ChatwootWebhooks.example("conversation_updated.assigned.json")).expect(202);
		int before = publicMessages().size();

		reply("Oi! Quero marcar uma consulta");

		assertThat(publicMessages()).hasSize(before);
		assertThat(decisions()).singleElement()
			.asString()
			.isEqualTo("book by rules (\"marcar uma consulta\"): nothing sent: "
					+ "the Chatwoot conversation is assigned to an agent (5)");
	}

	@Test
	void withoutABookingLinkNothingIsSentAndTheDecisionSaysSo() {
		for (JsonNode link : http.get("/api/knowledge?kind=link").json().get("items")) {
			http.delete("/api/knowledge/" + link.get("id").longValue()).expect(204);
		}
		firstStepSent();

		reply("Can I book a session?");

		assertThat(count("select count(*) from outbox")).isEqualTo(1);
		assertThat(decisions()).containsExactly("book by rules (\"can i book\"): nothing sent: no booking link "
				+ "configured (a clinic knowledge item of kind link, topic booking)");
	}

	@Test
	void aReplyNoRuleDecidesIsLabelledByTheLlmAndTheTimelineSaysSo() {
		replyClassifier.useOpenAi(LLM.baseUrl());
		llmAnswers("{\"label\": \"later\", \"date\": \"2026-03-16\"}");
		firstStepSent();

		reply("Vou ver com meu marido quando ele voltar de viagem");

		assertThat(stepRow(2).reason()).isEqualTo("snoozed to 2026-03-16: the contact asked to be written to later "
				+ "(\"Vou ver com meu marido quando ele voltar de viagem\") (decided by llm:openai/test-model)");
		assertThat(decisions()).containsExactly("later by llm:openai/test-model (\"Vou ver com meu marido quando ele "
				+ "voltar de viagem\"): snoozed to 2026-03-16");
		JsonNode asked = JSON
			.readTree(LLM.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS))).get(0).getBodyAsString());
		assertThat(asked.get("model").stringValue()).isEqualTo("test-model");
		assertThat(asked.get("temperature").doubleValue()).isZero();
		assertThat(asked.toString()).contains("Vou ver com meu marido").doesNotContain("Ana Souza", PHONE_DIGITS);
	}

	@Test
	void conflictingRulesAskTheLlmWhichMayDecideToBook() {
		replyClassifier.useOpenAi(LLM.baseUrl());
		llmAnswers("{\"label\": \"book\", \"date\": null}");
		firstStepSent();

		reply("Quero marcar, mas só depois da viagem");

		assertThat(outbox()).hasSize(2)
			.last()
			.asString()
			.startsWith("Claro! Você pode agendar aqui: https://oshun.clinic/book");
		assertThat(decisions()).singleElement()
			.asString()
			.startsWith("book by llm:openai/test-model (\"Quero marcar, mas só depois da viagem\"); "
					+ "rules conflict (later + book): sent the booking link");
		assertThat(String.valueOf(stepRow(2).reason())).doesNotContain("snoozed");
	}

	@Test
	void aPriceObjectionOnlyTheLlmSawIsAPriceSensitivitySignal() {
		replyClassifier.useOpenAi(LLM.baseUrl());
		llmAnswers("{\"label\": \"price\", \"date\": null}");
		firstStepSent();

		reply("Tá salgado pra mim esse mês");

		assertThat(jdbc.sql("select reason from preference_changes where key = 'price_sensitivity'")
			.query(String.class)
			.single()).isEqualTo("objected to the price (read by llm:openai/test-model)");
		assertThat(decisions()).containsExactly(
				"price by llm:openai/test-model (\"Tá salgado pra mim esse mês\"): " + "a price_sensitivity signal");
	}

	@Test
	void whenTheLlmFailsTheRulesDecisionStands() {
		replyClassifier.useOpenAi(LLM.baseUrl());
		LLM.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(json(500,
				"{\"error\": {\"message\": \"The server had an error while processing your request.\", \"type\": \"server_error\", \"param\": null, \"code\": null}}")));
		firstStepSent();
		LocalDate resume = now().atZone(SAO_PAULO).toLocalDate().plusDays(30);

		reply("Quero marcar, mas só depois da viagem");

		assertThat(stepRow(2).reason()).startsWith("snoozed to " + resume + " (no date given: the default 30 days)");
		assertThat(decisions()).containsExactly("later by rules (\"depois da viagem\"); rules conflict (later + book); "
				+ "llm:openai/test-model failed (llm server error (5xx)): the rules' decision stands: snoozed to "
				+ resume + " (no date given: the default 30 days)");
		assertThat(outbox()).hasSize(1);
	}

	@Test
	void aSlowLlmIsWaitedForOnlyUpToTheClassifyTimeout() {
		replyClassifier.useOpenAi(LLM.baseUrl());
		llmAnswer(ok("{\"label\": \"not_interested\"}").withFixedDelay(3000));
		firstStepSent();

		reply("hmm, vou pensar no assunto com calma");

		assertThat(decisions()).singleElement()
			.asString()
			.contains("llm:openai/test-model failed (llm timed out): the rules' decision stands");
		assertThat(count("select count(*) from nurture_enrollments where status = 'active'")).isEqualTo(1);
	}

	@Test
	void stopIsNeverTheLlmsToDecide() {
		replyClassifier.useOpenAi(LLM.baseUrl());
		llmAnswers("{\"label\": \"opt_out\", \"date\": null}");
		firstStepSent();

		// not an opt-out by the rules; the LLM's "opt_out" is no label, so it is other
		reply("STOP this terrible bill, it is wrong");

		assertThat(http.get("/api/contacts/c_1").json().get("status").stringValue()).isNotEqualTo("opted_out");
		assertThat(count("select count(*) from nurture_enrollments where status = 'active'")).isEqualTo(1);
		assertThat(decisions()).containsExactly("other by llm:openai/test-model (\"STOP this terrible bill, it is "
				+ "wrong\"); unknown label \"opt_out\" read as other: nothing to do");
		assertThat(LLM.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)))).hasSize(1);

		// an opt-out is the rules' alone: the LLM is not even asked
		reply("PARAR");

		assertThat(http.get("/api/contacts/c_1").json().get("status").stringValue()).isEqualTo("opted_out");
		assertThat(LLM.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)))).hasSize(1);
		assertThat(decisions()).last().isEqualTo("opt_out by rules (\"PARAR\"): opted out");
	}

	private void firstStepSent() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		assertThat(stepRow(1).status()).isEqualTo("sent");
	}

	private void reply(String text) {
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(STORED_PHONE, text, now())).expect(202);
	}

	private void llmAnswers(String content) {
		llmAnswer(ok(content));
	}

	private void llmAnswer(ResponseDefinitionBuilder answer) {
		LLM.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(answer));
	}

	/** OpenAI's chat completion, as LlmComposerTests stubs it. */
	private static ResponseDefinitionBuilder ok(String content) {
		return json(200,
				"""
						{"id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "object": "chat.completion", "created": 1741569952,
						 "model": "gpt-4o-mini-2024-07-18",
						 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s, "refusal": null, "annotations": []},
						              "logprobs": null, "finish_reason": "stop"}],
						 "usage": {"prompt_tokens": 212, "completion_tokens": 9, "total_tokens": 221},
						 "service_tier": "default", "system_fingerprint": "fp_06737a9306"}
						"""
					.formatted(JSON.writeValueAsString(content)));
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private List<String> decisions() {
		return timeline("message_in").stream().map(entry -> entry.get("decision").stringValue()).toList();
	}

	private List<JsonNode> timeline(String kind) {
		List<JsonNode> entries = new java.util.ArrayList<>();
		for (JsonNode entry : http.get("/api/contacts/c_1/timeline").json().get("entries")) {
			if (kind.equals(entry.get("kind").stringValue())) {
				entries.add(entry);
			}
		}
		return entries;
	}

	private List<JsonNode> publicMessages() {
		return CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))
			.stream()
			.map(request -> JSON.readTree(request.getBodyAsString()))
			.filter(message -> !message.path("private").booleanValue())
			.toList();
	}

	private List<String> outbox() {
		return jdbc.sql("select content from outbox order by id").query(String.class).list();
	}

	private Instant sentAt(int stepNo) {
		return stepTime("sent_at", stepNo);
	}

	private List<LocalDate> pendingDueDates() {
		return jdbc.sql("select due_at from nurture_step_runs where status = 'scheduled' order by step_no")
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant().atZone(SAO_PAULO).toLocalDate())
			.list();
	}

	private static WireMockServer started() {
		WireMockServer server = new WireMockServer(
				com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
		server.start();
		return server;
	}

}
