package com.oshun.nurture.compose;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The shared test context has no LLM (the configuration's default), so no reply is
 * classified by one; a test points the real LLM classifier at a WireMock provider with
 * {@link Switch#useOpenAi(String)} or {@link Switch#useAnthropic(String)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestReplyClassifiers {

	@Bean
	@Primary
	Switch replyClassifierSwitch() {
		return new Switch();
	}

	/** The classifier in force; none unless a test says otherwise. */
	public static final class Switch implements ReplyClassifier {

		private volatile ReplyClassifier current = ReplyClassifier.none();

		@Override
		public boolean available() {
			return current.available();
		}

		@Override
		public Answer classify(String reply, String language, LocalDate today) {
			return current.classify(reply, language, today);
		}

		/** An OpenAI-compatible provider at {@code baseUrl} (its {@code /v1/}). */
		public void useOpenAi(String baseUrl) {
			use("openai", baseUrl);
		}

		public void useAnthropic(String baseUrl) {
			use("anthropic", baseUrl);
		}

		private void use(String provider, String baseUrl) {
			current = ReplyClassifier.llm(new LlmSettings(provider, baseUrl + "/v1/", "test-key", "test-model",
					Duration.ofSeconds(2), 2, 600, Duration.ofSeconds(1)));
		}

		public void off() {
			current = ReplyClassifier.none();
		}

	}

}
