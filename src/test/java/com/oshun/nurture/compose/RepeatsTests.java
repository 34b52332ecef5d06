package com.oshun.nurture.compose;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeat rule: the same message, nearly the same message (word trigrams), or a
 * sentence already sent to the contact.
 */
class RepeatsTests {

	private static final String SENT = "Hi Ben, a quick hello from the clinic. If you ever want to talk about fillers or anything else, we are one message away.";

	@Test
	void refusesTheSameMessageWhateverItsCaseAccentsAndPunctuation() {
		assertThat(Repeats.check("hi ben - A QUICK hello from the clinic!! If you ever want to talk about fillers "
				+ "or anything else, we are one message away", List.of(SENT)))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("repeats message 1"));
	}

	@Test
	void refusesANearlyIdenticalMessage() {
		String near = "Hi Ben, a quick hello from the clinic! If you ever want to talk about fillers or botox, we are one message away.";

		assertThat(Repeats.check(near, List.of("Hello Ben, how are you doing these days?", SENT)))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("nearly the same as message 2"));
	}

	@Test
	void refusesASentenceAlreadySent() {
		String reused = "Hello again, Ben: a new fillers story. If you ever want to talk about fillers or anything else, we are one message away.";

		assertThat(Repeats.check(reused, List.of(SENT)))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("reuses a sentence of message 1"));
	}

	@Test
	void acceptsADifferentMessageAndShortSharedPhrases() {
		String other = "Hi Ben, shall we book your fillers consultation? No problem at all. https://oshun.clinic/book";

		assertThat(Repeats.check(other, List.of(SENT, "Hi Ben, no problem at all. https://oshun.clinic/book")))
			.isEmpty();
		assertThat(Repeats.check(SENT, List.of())).isEmpty();
	}

}
