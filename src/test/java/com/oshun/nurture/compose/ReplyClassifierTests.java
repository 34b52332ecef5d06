package com.oshun.nurture.compose;

import java.time.Duration;
import java.time.LocalDate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM reply classifier against WireMock stubs that answer like OpenAI's chat
 * completions and Anthropic's messages API: a label of the closed set is taken, anything
 * else is {@code other}, a date only when it is one, and every failure is a failure (the
 * rules' decision then stands).
 */
class ReplyClassifierTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

	private static WireMockServer server;

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
	void takesALabelOfTheSetAndTheDateOfALater(String provider) {
		stub(provider, ok(provider, "{\"label\": \"later\", \"date\": \"2026-03-15\"}"));

		ReplyClassifier.Answer answer = classifier(provider).classify("falo com você quando voltar de férias", "pt",
				TODAY);

		assertThat(answer.failed()).isFalse();
		assertThat(answer.label()).isEqualTo("later");
		assertThat(answer.date()).isEqualTo(LocalDate.of(2026, 3, 15));
		assertThat(answer.model()).isEqualTo("llm:" + provider + "/test-model");
		String asked = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(asked).contains("not_interested", "auto_reply", "2026-01-05", "quando voltar de f");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void anUnknownLabelIsOtherAndAnOptOutIsNeverALabel(String provider) {
		for (String label : new String[] { "opt_out", "stop", "BOOK", "unsubscribe" }) {
			server.resetAll();
			stub(provider, ok(provider, "{\"label\": \"" + label + "\", \"date\": null}"));

			ReplyClassifier.Answer answer = classifier(provider).classify("whatever", "en", TODAY);

			assertThat(answer.label()).as(label).isEqualTo("other");
			assertThat(answer.note()).contains("unknown label");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2025-12-31", "2026-01-05", "2030-01-01", "15/03/2026" })
	void aDateThatIsNotAFutureIsoDayIsDropped(String date) {
		stub("openai", ok("openai", "{\"label\": \"later\", \"date\": \"" + date + "\"}"));

		ReplyClassifier.Answer answer = classifier("openai").classify("later", "en", TODAY);

		assertThat(answer.label()).isEqualTo("later");
		assertThat(answer.date()).isNull();
		assertThat(answer.note()).contains("dropped");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void failsOnAServerErrorATimeoutOrAnAnswerThatIsNotJson(String provider) {
		stub(provider,
				json(500, "{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}"));
		assertThat(classifier(provider).classify("hmm", "en", TODAY).failure()).contains("server error");

		server.resetAll();
		stub(provider, ok(provider, "{\"label\": \"book\"}").withFixedDelay(2000));
		assertThat(classifier(provider).classify("hmm", "en", TODAY).failure()).isEqualTo("llm timed out");

		server.resetAll();
		stub(provider, ok(provider, "I think they want to book"));
		assertThat(classifier(provider).classify("hmm", "en", TODAY).failure()).isEqualTo("llm answer is not JSON");

		server.resetAll();
		stub(provider, ok(provider, "{\"category\": \"book\"}"));
		assertThat(classifier(provider).classify("hmm", "en", TODAY).failure()).isEqualTo("llm JSON has no label");
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai", "anthropic" })
	void withoutAProviderNothingIsClassified(String provider) {
		assertThat(ReplyClassifier.none().available()).isFalse();
		assertThat(ReplyClassifier.none().classify("hmm", "en", TODAY).failed()).isTrue();
		assertThat(classifier(provider).available()).isTrue();
	}

	private ReplyClassifier classifier(String provider) {
		return ReplyClassifier.llm(new LlmSettings(provider, server.baseUrl() + "/v1/", "test-key", "test-model",
				Duration.ofSeconds(5), 2, 600, Duration.ofMillis(800)));
	}

	private static void stub(String provider, ResponseDefinitionBuilder answer) {
		server.stubFor(post(urlPathEqualTo("openai".equals(provider) ? "/v1/chat/completions" : "/v1/messages"))
			.willReturn(answer));
	}

	/** An answer as each provider writes it (see LlmComposerTests). */
	static ResponseDefinitionBuilder ok(String provider, String content) {
		String body = "openai".equals(provider)
				? """
						{"id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "object": "chat.completion", "created": 1741569952,
						 "model": "gpt-4o-mini-2024-07-18",
						 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s, "refusal": null, "annotations": []},
						              "logprobs": null, "finish_reason": "stop"}],
						 "usage": {"prompt_tokens": 212, "completion_tokens": 9, "total_tokens": 221},
						 "service_tier": "default", "system_fingerprint": "fp_06737a9306"}
						"""
					.formatted(quoted(content))
				: """
						{"id": "msg_013Zva2CMHLNnXjNJJKqJ2EF", "type": "message", "role": "assistant",
						 "model": "claude-3-5-haiku-20241022",
						 "content": [{"type": "text", "text": %s}],
						 "stop_reason": "end_turn", "stop_sequence": null,
						 "usage": {"input_tokens": 212, "output_tokens": 9}}
						""".formatted(quoted(content));
		return json(200, body);
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static String quoted(String text) {
		return JSON.writeValueAsString(text);
	}

}
