package com.oshun.nurture.compose;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarded composer without an LLM: the built-in message, or its plain line when the
 * knowledge it quotes breaks a rule, and the reason recorded either way.
 */
class GuardedComposerTests {

	private final Guardrails guardrails = new Guardrails((contactId, names) -> false);

	@Test
	void writesWithTheBuiltInComposerWhenNoLlmIsConfigured() {
		GuardedComposer composer = new GuardedComposer(Optional.empty(), new BuiltInComposer(), guardrails,
				date -> TestContexts.DEMO.stream().filter(item -> item.validOn(date)).toList());

		ComposedMessage message = composer.compose(TestContexts.english("social_proof"));

		assertThat(message.composer()).isEqualTo("built-in");
		assertThat(message.reason()).isEqualTo("no LLM provider configured");
		assertThat(message.text()).contains("Marina, 38");
	}

	@Test
	void fallsBackToThePlainLineWhenAKnowledgeItemBreaksARule() {
		KnowledgeItem promise = new KnowledgeItem(99, "story", "botox", "Bia's results were guaranteed to last.", "en",
				null, null);
		MessageContext base = TestContexts.english("social_proof");
		MessageContext context = new MessageContext(base.contactId(), base.name(), base.firstName(), base.language(),
				base.zone(), base.phone(), base.email(), base.procedure(), base.interests(), base.conversation(),
				base.lastTopic(), base.preferences(), base.memories(), base.sequence(), base.tone(), base.objective(),
				base.stepNo(), base.stepCount(), base.channel(), base.maxLength(), List.of(promise), base.bookingLink(),
				base.at(), base.missedAppointmentAt());
		GuardedComposer composer = new GuardedComposer(Optional.empty(), new BuiltInComposer(), guardrails,
				date -> List.of(promise));

		ComposedMessage message = composer.compose(context);

		assertThat(message.text()).isEqualTo(new BuiltInComposer().plain(context));
		assertThat(message.reason()).contains("built-in message rejected: promises a medical result: guaranteed");
	}

}
