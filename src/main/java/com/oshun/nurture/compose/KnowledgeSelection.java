package com.oshun.nurture.compose;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the clinic knowledge a step needs, by keyword: the kinds its objective calls for,
 * about the contact's procedure, in their language first, and whatever matches their
 * interests or last topic ranked higher.
 */
final class KnowledgeSelection {

	/**
	 * The kinds each objective is written from. A missed visit, a nudge to book, a
	 * check-in carry none: an FAQ about top-ups has nothing to do with a missed
	 * appointment.
	 */
	private static final Map<String, List<String>> KINDS = Map.ofEntries(
			Map.entry("info", List.of(KnowledgeItem.PROCEDURE, KnowledgeItem.FAQ)),
			Map.entry("social_proof", List.of(KnowledgeItem.STORY, KnowledgeItem.PROCEDURE)),
			Map.entry("offer", List.of(KnowledgeItem.OFFER, KnowledgeItem.PROCEDURE)),
			Map.entry("education", List.of(KnowledgeItem.FAQ, KnowledgeItem.PROCEDURE)), Map.entry("nudge", List.of()),
			Map.entry("reschedule", List.of()), Map.entry("availability", List.of(KnowledgeItem.OFFER)),
			Map.entry("reassure", List.of(KnowledgeItem.FAQ, KnowledgeItem.STORY)),
			Map.entry("we_miss_you", List.of(KnowledgeItem.STORY)),
			Map.entry("maintenance", List.of(KnowledgeItem.FAQ, KnowledgeItem.PROCEDURE)),
			Map.entry("returning_offer", List.of(KnowledgeItem.OFFER)), Map.entry("check_in", List.of()));

	/** The drip tells one new thing a month, starting from a different kind each step. */
	private static final List<String> DRIP_ROTATION = List.of(KnowledgeItem.PROCEDURE, KnowledgeItem.STORY,
			KnowledgeItem.FAQ, KnowledgeItem.OFFER);

	private KnowledgeSelection() {
	}

	/** The kinds of knowledge an objective is written from, most important first. */
	static List<String> kindsFor(String objective, int stepNo) {
		if ("drip".equals(objective)) {
			int start = Math.floorMod(stepNo - 1, DRIP_ROTATION.size());
			List<String> kinds = new java.util.ArrayList<>(DRIP_ROTATION.subList(start, DRIP_ROTATION.size()));
			kinds.addAll(DRIP_ROTATION.subList(0, start));
			return List.copyOf(kinds);
		}
		return KINDS.getOrDefault(objective, List.of(KnowledgeItem.PROCEDURE));
	}

	static List<KnowledgeItem> pick(List<KnowledgeItem> valid, String procedure, String objective, int stepNo,
			String language, List<String> interests, String lastTopic, int limit) {
		List<String> kinds = kindsFor(objective, stepNo);
		Set<String> words = interests.stream()
			.flatMap(interest -> List.of(interest.toLowerCase(Locale.ROOT).split("\\W+")).stream())
			.filter(word -> word.length() > 3)
			.collect(Collectors.toSet());
		if (lastTopic != null) {
			words.add(lastTopic);
		}
		return valid.stream()
			.filter(item -> kinds.contains(item.kind()) && item.about(procedure))
			.filter(item -> item.suits(language) || noneInLanguage(valid, item, language))
			.sorted(Comparator.comparingInt((KnowledgeItem item) -> -score(item, kinds, procedure, language, words))
				.thenComparingLong(KnowledgeItem::id))
			.limit(limit)
			.toList();
	}

	private static boolean noneInLanguage(List<KnowledgeItem> valid, KnowledgeItem item, String language) {
		return valid.stream()
			.noneMatch(other -> other.kind().equals(item.kind())
					&& java.util.Objects.equals(other.topic(), item.topic()) && language.equals(other.language()));
	}

	private static int score(KnowledgeItem item, List<String> kinds, String procedure, String language,
			Set<String> words) {
		int score = 2 * (kinds.size() - kinds.indexOf(item.kind()));
		if (procedure != null && procedure.equalsIgnoreCase(item.topic())) {
			score += 2;
		}
		if (language.equals(item.language())) {
			score += 1;
		}
		String content = item.content().toLowerCase(Locale.ROOT);
		score += (int) words.stream().filter(content::contains).count();
		return score;
	}

}
