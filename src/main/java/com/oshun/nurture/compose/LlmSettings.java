package com.oshun.nurture.compose;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code nurture.llm}: which LLM writes the messages ({@code none}, {@code openai} for
 * any OpenAI-compatible API, {@code anthropic}), from the {@code NURTURE_LLM_*}
 * variables.
 *
 * @param timeout how long one call may take before the built-in composer writes instead
 * @param maxConcurrent how many calls may be in flight at once
 * @param maxTokens the longest answer asked for
 * @param classifyTimeout how long the classification of a reply may take (it is asked
 * while the reply's webhook waits) before the reply rules' decision stands
 */
@ConfigurationProperties("nurture.llm")
public record LlmSettings(String provider, String baseUrl, String apiKey, String model, Duration timeout,
		int maxConcurrent, int maxTokens, Duration classifyTimeout) {

	@ConstructorBinding
	public LlmSettings {
		classifyTimeout = (classifyTimeout != null) ? classifyTimeout : Duration.ofSeconds(5);
	}

	public LlmSettings(String provider, String baseUrl, String apiKey, String model, Duration timeout,
			int maxConcurrent, int maxTokens) {
		this(provider, baseUrl, apiKey, model, timeout, maxConcurrent, maxTokens, null);
	}

	public boolean enabled() {
		return provider != null && !provider.isBlank() && !"none".equalsIgnoreCase(provider);
	}

}
