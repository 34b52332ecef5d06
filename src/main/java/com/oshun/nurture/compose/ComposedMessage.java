package com.oshun.nurture.compose;

/**
 * A written message, which composer wrote it ({@code llm:openai}, {@code llm:anthropic},
 * {@code built-in}) and why that one (no provider, the LLM's failure, guardrail
 * rejections). A null {@code text} means no message passed the guardrails, and
 * {@code reason} says why.
 */
public record ComposedMessage(String text, String composer, String reason) {

	public boolean refused() {
		return text == null;
	}

}
