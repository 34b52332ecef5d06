package com.oshun.nurture.compose;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The repeat rule: a message must not be the same as, or nearly the same as, any message
 * already sent to the contact, nor reuse a sentence of one. Texts are compared as words
 * (lower case, accents, punctuation and links ignored). Nearly the same: the Jaccard
 * similarity of the two texts' word trigrams is {@value #NEAR} or more. A reused
 * sentence: one of {@value #SENTENCE_WORDS} words or more (with a letter: slot numbers do
 * not count) that an earlier message also has.
 */
final class Repeats {

	static final double NEAR = 0.5;

	static final int SENTENCE_WORDS = 5;

	private static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	private Repeats() {
	}

	/** Why {@code text} repeats one of {@code earlier}, if it does. */
	static Optional<String> check(String text, List<String> earlier) {
		if (earlier.isEmpty()) {
			return Optional.empty();
		}
		List<String> words = words(text);
		Set<String> trigrams = trigrams(words);
		List<String> sentences = sentences(text);
		for (int i = 0; i < earlier.size(); i++) {
			String before = earlier.get(i);
			if (before == null) {
				continue;
			}
			List<String> beforeWords = words(before);
			if (beforeWords.equals(words)) {
				return Optional.of("repeats message " + (i + 1) + " already sent to this contact");
			}
			double similarity = jaccard(trigrams, trigrams(beforeWords));
			if (similarity >= NEAR) {
				return Optional.of("nearly the same as message " + (i + 1) + " already sent to this contact ("
						+ Math.round(100 * similarity) + "% of word trigrams shared)");
			}
			List<String> beforeSentences = sentences(before);
			for (String sentence : sentences) {
				if (beforeSentences.contains(sentence)) {
					return Optional
						.of("reuses a sentence of message " + (i + 1) + " already sent to this contact: " + sentence);
				}
			}
		}
		return Optional.empty();
	}

	/** Whether {@code text} shares a counted sentence with one of {@code earlier}. */
	static boolean reusesSentence(String text, List<String> earlier) {
		List<String> sentences = sentences(text);
		return earlier.stream().anyMatch(before -> sentences(before).stream().anyMatch(sentences::contains));
	}

	/** A text's sentences of {@value #SENTENCE_WORDS} words or more, as words. */
	static List<String> sentences(String text) {
		return SENTENCE_END.splitAsStream(LINK.matcher(text).replaceAll(" "))
			.map(sentence -> String.join(" ", words(sentence)))
			.filter(sentence -> Arrays.stream(sentence.split(" "))
				.filter(word -> word.codePoints().anyMatch(Character::isLetter))
				.count() >= SENTENCE_WORDS)
			.toList();
	}

	static List<String> words(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(LINK.matcher(text).replaceAll(" "), Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
		return NOT_WORD.splitAsStream(plain).filter(word -> !word.isEmpty()).toList();
	}

	private static Set<String> trigrams(List<String> words) {
		Set<String> trigrams = new HashSet<>();
		for (int i = 0; i + 3 <= words.size(); i++) {
			trigrams.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
		}
		if (trigrams.isEmpty() && !words.isEmpty()) {
			trigrams.add(String.join(" ", words));
		}
		return trigrams;
	}

	private static double jaccard(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> shared = new HashSet<>(a);
		shared.retainAll(b);
		return shared.size() / (double) (a.size() + b.size() - shared.size());
	}

}
