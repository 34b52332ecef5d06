package com.oshun.nurture.compose;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM composer through LangChain4j against WireMock stubs that answer like OpenAI's
 * chat completions and Anthropic's messages API. Whatever the provider does, the outcome
 * is a message that passed the guardrails, and the step says who wrote it and why.
 */
class LlmComposerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String GOOD = "Hi Emma, since you asked about botox: 15% off a first botox session booked within 30 days of the consultation. You can pick a time at https://oshun.clinic/book";

	private static final String INVENTED = "Hi Emma, botox is 40% off for you this week only!";

	private static WireMockServer server;

	private final Guardrails guardrails = new Guardrails((contactId, names) -> false);

	private final MessageContext context = TestContexts.english("offer");

	@BeforeAll
	static void start() {
		server = new WireMockServer(options().dynamicPort());
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void sendsTheLlmMessageWhenItPassesTheGuardrails(String provider) {
		stub(provider, ok(provider, "{\"message\": " + quoted(GOOD) + "}"));

		ComposedMessage message = composer(provider).compose(context);

		assertThat(message.text()).isEqualTo(GOOD);
		assertThat(message.composer()).isEqualTo("llm:" + provider);
		assertThat(message.reason()).isNull();
		assertGuarded(message);
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void thePromptCarriesTheContextButNoContactDetails(String provider) {
		stub(provider, ok(provider, "{\"message\": " + quoted(GOOD) + "}"));

		composer(provider).compose(context);

		String body = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(body).contains("Emma", "botox", "offer", "helpful, unhurried", "oshun.clinic/book", "15% off");
		assertThat(body).doesNotContain("Clarke", "+5511999990000", "ana@example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void fallsBackToTheBuiltInComposerWhenTheModelRefuses(String provider) {
		stub(provider, refusal(provider));

		assertBuiltIn(composer(provider).compose(context), "refused");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void fallsBackWhenTheAnswerIsMalformedJson(String provider) {
		stub(provider, ok(provider, "{\"message\": \"Hi Emma, about botox"));

		assertBuiltIn(composer(provider).compose(context), "JSON");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void fallsBackWhenTheCallTimesOut(String provider) {
		stub(provider, ok(provider, "{\"message\": " + quoted(GOOD) + "}").withFixedDelay(3000));

		assertBuiltIn(composer(provider).compose(context), "timed out");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void fallsBackWhenRateLimited(String provider) {
		stub(provider, error(provider, 429));

		assertBuiltIn(composer(provider).compose(context), "429");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void fallsBackOnAServerError(String provider) {
		stub(provider, error(provider, 500));

		assertBuiltIn(composer(provider).compose(context), "server error");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void retriesOnceWithTheReasonWhenTheGuardrailsRejectTheMessage(String provider) {
		server.stubFor(endpoint(provider).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ok(provider, "{\"message\": " + quoted(INVENTED) + "}"))
			.willSetStateTo("rejected"));
		server.stubFor(endpoint(provider).inScenario("retry")
			.whenScenarioStateIs("rejected")
			.willReturn(ok(provider, "{\"message\": " + quoted(GOOD) + "}")));

		ComposedMessage message = composer(provider).compose(context);

		assertThat(message.text()).isEqualTo(GOOD);
		assertThat(message.composer()).isEqualTo("llm:" + provider);
		assertThat(message.reason())
			.contains("llm message rejected: price or discount not in the clinic's current knowledge: 40%");
		String retry = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(retry).contains("was rejected", "40%");
		assertGuarded(message);
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void theBuiltInComposerWritesWhenTheRetryIsRejectedToo(String provider) {
		stub(provider, ok(provider, "{\"message\": " + quoted(INVENTED) + "}"));

		ComposedMessage message = composer(provider).compose(context);

		assertBuiltIn(message, "llm message rejected");
		server.verify(2, postRequestedFor(urlPathEqualTo(path(provider))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void aModelAnsweringTheSameTextEveryStepIsAskedAgainOnceThenTheBuiltInComposerWrites(String provider) {
		stub(provider, ok(provider, "{\"message\": " + quoted(GOOD) + "}"));
		GuardedComposer composer = composer(provider);
		List<String> sent = new java.util.ArrayList<>();

		List<ComposedMessage> steps = new java.util.ArrayList<>();
		for (String objective : List.of("offer", "education", "nudge", "check_in")) {
			MessageContext step = TestContexts.english(objective).withEarlier(sent);
			ComposedMessage message = composer.compose(step);
			steps.add(message);
			sent.add(message.text());
		}

		assertThat(steps.get(0).text()).isEqualTo(GOOD);
		assertThat(steps.get(0).composer()).isEqualTo("llm:" + provider);
		// Every later step: the first answer and the one retry were refused as repeats.
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(path(provider))))).hasSize(1 + 3 * 2);
		for (ComposedMessage later : steps.subList(1, steps.size())) {
			assertThat(later.composer()).isEqualTo("built-in");
			assertThat(later.reason()).contains("llm message rejected: repeats message 1 already sent to this contact");
			assertThat(later.text()).isNotEqualTo(GOOD);
		}
		assertThat(sent).doesNotHaveDuplicates();
	}

	private GuardedComposer composer(String provider) {
		LlmSettings settings = new LlmSettings(provider, server.baseUrl() + "/v1/", "test-key", "test-model",
				Duration.ofMillis(800), 2, 600);
		LlmComposer llm = new LlmComposer(LlmModels.create(settings), provider, settings);
		return new GuardedComposer(Optional.of(llm), new BuiltInComposer(), guardrails, this::valid);
	}

	private List<KnowledgeItem> valid(LocalDate date) {
		return TestContexts.DEMO.stream().filter(item -> item.validOn(date)).toList();
	}

	private void assertBuiltIn(ComposedMessage message, String reason) {
		assertThat(message.composer()).isEqualTo("built-in");
		assertThat(message.reason()).contains(reason);
		assertThat(message.text()).isEqualTo(new BuiltInComposer().compose(context));
		assertGuarded(message);
	}

	private void assertGuarded(ComposedMessage message) {
		assertThat(message.text()).isNotBlank().contains("Emma");
		assertThat(guardrails.check(message.text(), context, valid(LocalDate.of(2026, 1, 5))).reasons()).isEmpty();
	}

	private void stub(String provider, ResponseDefinitionBuilder answer) {
		server.stubFor(endpoint(provider).willReturn(answer));
	}

	private static MappingBuilder endpoint(String provider) {
		return post(urlPathEqualTo(path(provider)));
	}

	private static String path(String provider) {
		return "openai".equals(provider) ? "/v1/chat/completions" : "/v1/messages";
	}

	private static ResponseDefinitionBuilder ok(String provider, String content) {
		String body = "openai".equals(provider)
				? """
						{"id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "object": "chat.completion", "created": 1741569952,
						 "model": "gpt-4o-mini-2024-07-18",
						 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s, "refusal": null, "annotations": []},
						              "logprobs": null, "finish_reason": "stop"}],
						 "usage": {"prompt_tokens": 412, "completion_tokens": 61, "total_tokens": 473},
						 "service_tier": "default", "system_fingerprint": "fp_06737a9306"}
						"""
					.formatted(quoted(content))
				: """
						{"id": "msg_013Zva2CMHLNnXjNJJKqJ2EF", "type": "message", "role": "assistant",
						 "model": "claude-3-5-haiku-20241022",
						 "content": [{"type": "text", "text": %s}],
						 "stop_reason": "end_turn", "stop_sequence": null,
						 "usage": {"input_tokens": 412, "output_tokens": 61}}
						""".formatted(quoted(content));
		return json(200, body);
	}

	private static ResponseDefinitionBuilder refusal(String provider) {
		return json(200, "openai".equals(provider) ? """
				{"id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcU", "object": "chat.completion", "created": 1741569952,
				 "model": "gpt-4o-mini-2024-07-18",
				 "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
				              "refusal": "I'm sorry, I can't help with that request."},
				              "logprobs": null, "finish_reason": "stop"}],
				 "usage": {"prompt_tokens": 412, "completion_tokens": 10, "total_tokens": 422}}
				""" : """
				{"id": "msg_013Zva2CMHLNnXjNJJKqJ2EG", "type": "message", "role": "assistant",
				 "model": "claude-3-5-haiku-20241022", "content": [],
				 "stop_reason": "refusal", "stop_sequence": null,
				 "usage": {"input_tokens": 412, "output_tokens": 0}}
				""");
	}

	private static ResponseDefinitionBuilder error(String provider, int status) {
		String body;
		if ("openai".equals(provider)) {
			body = (status == 429)
					? """
							{"error": {"message": "Rate limit reached for gpt-4o-mini in organization org-x on requests per min (RPM): Limit 3, Used 3, Requested 1.",
							 "type": "requests", "param": null, "code": "rate_limit_exceeded"}}
							"""
					: """
							{"error": {"message": "The server had an error while processing your request. Sorry about that!",
							 "type": "server_error", "param": null, "code": null}}
							""";
		}
		else {
			body = (status == 429)
					? """
							{"type": "error", "error": {"type": "rate_limit_error", "message": "Number of request tokens has exceeded your per-minute rate limit"}}
							"""
					: """
							{"type": "error", "error": {"type": "api_error", "message": "Internal server error"}}
							""";
		}
		return json(status, body);
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static String quoted(String text) {
		return JSON.writeValueAsString(text);
	}

}
