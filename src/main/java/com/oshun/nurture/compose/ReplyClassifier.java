package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.util.List;

/**
 * Classifies a reply the reply rules could not decide, into a closed set of labels
 * ({@link #LABELS}); with no LLM configured it is not {@linkplain #available()
 * available}. It never decides an opt-out: that is the rules' alone.
 */
public interface ReplyClassifier {

	/** The labels an answer may carry; anything else is read as {@code other}. */
	List<String> LABELS = List.of("book", "later", "price", "question", "not_interested", "auto_reply", "other");

	/**
	 * An answer: a label of {@link #LABELS} (and, for {@code later}, the date asked for,
	 * or null), or why there is none ({@code failure}); {@code model} names who answered
	 * ({@code llm:openai/gpt-4o-mini}); {@code note} says what validation changed.
	 */
	record Answer(String label, LocalDate date, String model, String failure, String note) {

		public boolean failed() {
			return failure != null;
		}

		static Answer failed(String model, String failure) {
			return new Answer(null, null, model, failure, null);
		}

	}

	boolean available();

	/**
	 * The label of {@code reply}, written in {@code language} on {@code today} in the
	 * contact's zone.
	 */
	Answer classify(String reply, String language, LocalDate today);

	/** No LLM: nothing is classified. */
	static ReplyClassifier none() {
		return new ReplyClassifier() {
			@Override
			public boolean available() {
				return false;
			}

			@Override
			public Answer classify(String reply, String language, LocalDate today) {
				return Answer.failed(null, "no LLM provider configured");
			}
		};
	}

	/**
	 * The LLM {@code settings} name, asked at temperature 0 and given
	 * {@code settings.classifyTimeout()}.
	 */
	static ReplyClassifier llm(LlmSettings settings) {
		return new LlmReplyClassifier(settings);
	}

}
