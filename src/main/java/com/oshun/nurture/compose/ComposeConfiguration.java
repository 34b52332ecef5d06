package com.oshun.nurture.compose;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The guardrails, and the LLM composer and reply classifier when
 * {@code NURTURE_LLM_PROVIDER} names one.
 */
@Configuration(proxyBeanMethods = false)
class ComposeConfiguration {

	@Bean
	Guardrails guardrails(OtherContacts others) {
		return new Guardrails(others);
	}

	@Bean
	GuardedComposer guardedComposer(LlmSettings llm, BuiltInComposer builtIn, Guardrails guardrails,
			KnowledgeSource knowledge) {
		Optional<LlmComposer> composer = llm.enabled()
				? Optional.of(new LlmComposer(LlmModels.create(llm), llm.provider().toLowerCase(), llm))
				: Optional.empty();
		return new GuardedComposer(composer, builtIn, guardrails, knowledge);
	}

	/**
	 * The LLM that disambiguates a reply the rules could not decide, when one is named.
	 */
	@Bean
	ReplyClassifier replyClassifier(LlmSettings llm) {
		return llm.enabled() ? ReplyClassifier.llm(llm) : ReplyClassifier.none();
	}

}
