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
		String provider = settings.provider().trim().toLowerCase();
		return switch (provider) {
			case "openai" -> OpenAiChatModel.builder()
				.baseUrl(orDefault(settings.baseUrl(), OPENAI_URL))
				.apiKey(orDefault(settings.apiKey(), "none"))
				.modelName(orDefault(settings.model(), "gpt-4o-mini"))
				.responseFormat("json_object")
				.temperature(0.7)
				.maxTokens(settings.maxTokens())
				.timeout(settings.timeout())
				.maxRetries(0)
				.build();
			case "anthropic" -> AnthropicChatModel.builder()
				.baseUrl(orDefault(settings.baseUrl(), ANTHROPIC_URL))
				.apiKey(orDefault(settings.apiKey(), "none"))
				.modelName(orDefault(settings.model(), "claude-3-5-haiku-latest"))
				.temperature(0.7)
				.maxTokens(settings.maxTokens())
				.timeout(settings.timeout())
				.maxRetries(0)
				.build();
			default -> throw new IllegalStateException(
					"NURTURE_LLM_PROVIDER must be none, openai or anthropic, was " + settings.provider());
		};
	}

	private static String orDefault(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
