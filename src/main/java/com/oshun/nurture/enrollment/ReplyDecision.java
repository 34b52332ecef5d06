package com.oshun.nurture.enrollment;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a reply asks of the sequence, and who decided it: the reply rules or the LLM that
 * disambiguated them, with the evidence (the reply's own words, or the LLM's model).
 *
 * @param date for {@code later}, the day the sequence resumes
 * @param undated a {@code later} that named no date, so {@code date} is the default
 * @param by {@code rules} or the model ({@code llm:openai/gpt-4o-mini})
 * @param note what else the decision should say (an LLM failure, a conflict)
 */
record ReplyDecision(Label label, LocalDate date, boolean undated, String evidence, String by, String note) {

	/** The labels; {@code opt_out} is the rules' alone, never an LLM's. */
	enum Label {

		OPT_OUT, AUTO_REPLY, NOT_INTERESTED, LATER, BOOK, PRICE, QUESTION, OTHER;

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * The label an LLM answered ({@code ReplyClassifier.LABELS}); never an opt-out.
		 */
		static Label ofLlm(String value) {
			for (Label label : values()) {
				if (label != OPT_OUT && label.value().equals(value)) {
					return label;
				}
			}
			return OTHER;
		}

	}

	static final String RULES = "rules";

	static ReplyDecision rule(Label label, LocalDate date, String evidence) {
		return new ReplyDecision(label, date, false, evidence, RULES, null);
	}

	ReplyDecision asUndated() {
		return new ReplyDecision(label, date, true, evidence, by, note);
	}

	ReplyDecision noting(String more) {
		return new ReplyDecision(label, date, undated, evidence, by, (note == null) ? more : note + "; " + more);
	}

	boolean byLlm() {
		return !RULES.equals(by);
	}

	/**
	 * The decision as the timeline shows it: "later by rules ("after my trip"); snoozed
	 * to 2026-02-04".
	 */
	String describe(String outcome) {
		return label.value() + " by " + by + " (" + evidence + ")" + ((note != null) ? "; " + note : "")
				+ ((outcome != null) ? ": " + outcome : "");
	}

}
