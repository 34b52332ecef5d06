package com.oshun.nurture.slots;

import java.text.Normalizer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which offered slot a reply picks: its number ("2", "a 2", "opção 2"), its day ("sexta",
 * "el viernes"), its time ("a das 10", "às 14:30", "at 2pm"), or a day and a time
 * together. A reply that fits none, or more than one, picks nothing.
 */
final class SlotPick {

	private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}:]+");

	/** Words around a bare number that still leave it a pick by number. */
	private static final Set<String> FILLER = Set.of("a", "o", "e", "la", "el", "the", "option", "opcao", "opcion",
			"numero", "number", "no", "n", "prefiro", "quero", "prefiero", "quiero", "pode", "ser", "por", "favor",
			"please", "ok", "sim", "si", "yes", "de", "do", "da");

	private static final Pattern TIME = Pattern.compile(
			"(?:\\b(?:as|das|a las|las|at|pelas|para as)\\s+(\\d{1,2})(?::(\\d{2}))?(?:\\s*h(?:s|oras)?)?\\s*(am|pm)?\\b)"
					+ "|(?:\\b(\\d{1,2})(?::(\\d{2})|h(\\d{2})?|\\s*(am|pm))\\b)");

	private SlotPick() {
	}

	/** The slot {@code reply} picks among {@code offered} (in the order offered). */
	static Optional<Slot> of(String reply, List<Slot> offered, ZoneId zone, String language) {
		if (reply == null || offered.isEmpty()) {
			return Optional.empty();
		}
		String text = plain(reply);
		List<String> words = List.of(NOT_WORD.split(text.trim()));
		List<String> rest = words.stream().filter(word -> !word.isEmpty() && !FILLER.contains(word)).toList();
		if (rest.size() == 1 && rest.get(0).matches("[1-9]")) {
			int index = Integer.parseInt(rest.get(0)) - 1;
			return (index < offered.size()) ? Optional.of(offered.get(index)) : Optional.empty();
		}
		List<Slot> candidates = offered;
		boolean named = false;
		List<String> days = SlotWords.days(language);
		for (int i = 0; i < days.size(); i++) {
			String day = plain(days.get(i));
			if (words.contains(day) || words.contains(day + "-feira")) {
				int mondayFirst = i;
				candidates = candidates.stream()
					.filter(slot -> slot.start().atZone(zone).getDayOfWeek() == SlotWords.day(mondayFirst))
					.toList();
				named = true;
				break;
			}
		}
		Matcher time = TIME.matcher(text);
		if (time.find()) {
			int hour = Integer.parseInt((time.group(1) != null) ? time.group(1) : time.group(4));
			String minutes = first(time.group(2), time.group(5), time.group(6));
			String half = first(time.group(3), time.group(7), null);
			int wanted = ("pm".equals(half) && hour < 12) ? hour + 12 : ("am".equals(half) && hour == 12) ? 0 : hour;
			candidates = candidates.stream().filter(slot -> {
				ZonedDateTime local = slot.start().atZone(zone);
				return local.getHour() == wanted && (minutes == null || local.getMinute() == Integer.parseInt(minutes));
			}).toList();
			named = true;
		}
		return (named && candidates.size() == 1) ? Optional.of(candidates.get(0)) : Optional.empty();
	}

	private static String first(String a, String b, String c) {
		return (a != null) ? a : (b != null) ? b : c;
	}

	private static String plain(String text) {
		return DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
	}

}
