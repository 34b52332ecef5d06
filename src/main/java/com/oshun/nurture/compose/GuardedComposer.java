package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The composer every message goes through: the LLM when one is configured, asked again
 * once with the reason when the guardrails reject its message (a repeat of an earlier
 * message included), and the built-in composer otherwise, which offers its wordings best
 * first until one passes. Whatever is answered has passed the guardrails, and says who
 * wrote it and why.
 */
public class GuardedComposer implements MessageComposer {

	private final Optional<LlmComposer> llm;

	private final BuiltInComposer builtIn;

	private final Guardrails guardrails;

	private final KnowledgeSource knowledge;

	GuardedComposer(Optional<LlmComposer> llm, BuiltInComposer builtIn, Guardrails guardrails,
			KnowledgeSource knowledge) {
		this.llm = llm;
		this.builtIn = builtIn;
		this.guardrails = guardrails;
		this.knowledge = knowledge;
	}

	@Override
	public ComposedMessage compose(MessageContext context) {
		LocalDate sendDate = context.at().atZone(context.zone()).toLocalDate();
		List<KnowledgeItem> clinic = knowledge.clinicValidOn(sendDate);
		List<String> notes = new ArrayList<>();
		if (llm.isEmpty()) {
			notes.add("no LLM provider configured");
		}
		SlotTimes.note(context).ifPresent(notes::add);
		if (llm.isPresent()) {
			Optional<String> written = fromLlm(llm.get(), context, clinic, notes);
			if (written.isPresent()) {
				return new ComposedMessage(written.get(), llm.get().name(), notes.isEmpty() ? null : join(notes));
			}
		}
		String firstRejection = null;
		for (String candidate : builtIn.candidates(context)) {
			Guardrails.Verdict verdict = guardrails.check(candidate, context, clinic);
			if (verdict.accepted()) {
				if (firstRejection != null) {
					notes.add(firstRejection);
				}
				return new ComposedMessage(candidate, BuiltInComposer.NAME, join(notes));
			}
			if (firstRejection == null) {
				firstRejection = "built-in message rejected: " + verdict.summary();
			}
		}
		notes.add(firstRejection);
		notes.add("no built-in wording passed the guardrails");
		return new ComposedMessage(null, BuiltInComposer.NAME, join(notes));
	}

	private Optional<String> fromLlm(LlmComposer composer, MessageContext context, List<KnowledgeItem> clinic,
			List<String> notes) {
		LlmComposer.Conversation conversation = composer.start(context);
		LlmComposer.Draft draft = conversation.write();
		for (int attempt = 1; draft.failure() == null; attempt++) {
			Guardrails.Verdict verdict = guardrails.check(draft.text(), context, clinic);
			if (verdict.accepted()) {
				return Optional.of(draft.text());
			}
			notes.add("llm message rejected: " + verdict.summary());
			if (attempt == 2) {
				return Optional.empty();
			}
			draft = conversation.rewrite(draft.text(), verdict.summary());
		}
		notes.add(draft.failure());
		return Optional.empty();
	}

	private static String join(List<String> notes) {
		return String.join("; ", notes);
	}

}
