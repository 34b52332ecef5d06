package com.oshun.nurture.compose;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the LangChain4j chat model that {@link LlmSettings} names. Retries are ours (the
 * built-in composer takes over), so the library does not retry.
 */
final class LlmModels {

	static final String OPENAI_URL = "https://api.openai.com/v1";

	static final String ANTHROPIC_URL = "https://api.anthropic.com/v1/";

	private LlmModels() {
	}

	static ChatModel create(LlmSettings settings) {
		return create(settings, 0.7);
	}

	/** The model at {@code temperature} (0 for a classification). */
	static ChatModel create(LlmSettings settings, double temperature) {
		String provider = settings.provider().trim().toLowerCase();
		return switch (provider) {
			case "openai" -> OpenAiChatModel.builder()
				.baseUrl(orDefault(settings.baseUrl(), OPENAI_URL))
				.apiKey(orDefault(settings.apiKey(), "none"))
				.modelName(modelName(settings))
				.responseFormat("json_object")
				.temperature(temperature)
				.maxTokens(settings.maxTokens())
				.timeout(settings.timeout())
				.maxRetries(0)
				.build();
			case "anthropic" -> AnthropicChatModel.builder()
				.baseUrl(orDefault(settings.baseUrl(), ANTHROPIC_URL))
				.apiKey(orDefault(settings.apiKey(), "none"))
				.modelName(modelName(settings))
				.temperature(temperature)
				.maxTokens(settings.maxTokens())
				.timeout(settings.timeout())
				.maxRetries(0)
				.build();
			default -> throw new IllegalStateException(
					"NURTURE_LLM_PROVIDER must be none, openai or anthropic, was " + settings.provider());
		};
	}

	/** The model asked: the configured one, else the provider's default. */
	static String modelName(LlmSettings settings) {
		String fallback = "anthropic".equalsIgnoreCase(settings.provider().trim()) ? "claude-3-5-haiku-latest"
				: "gpt-4o-mini";
		return orDefault(settings.model(), fallback);
	}

	private static String orDefault(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
