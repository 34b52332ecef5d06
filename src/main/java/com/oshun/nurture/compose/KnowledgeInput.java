package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.oshun.nurture.web.InvalidInput;

/**
 * The one check of a knowledge item, whether it comes from the knowledge file or the
 * admin API. Field names are those of the file and the API.
 */
public final class KnowledgeInput {

	private static final List<String> LANGUAGES = List.of("en", "es", "pt");

	private KnowledgeInput() {
	}

	/**
	 * A clinic item from its fields as written, or {@link InvalidInput} naming the field.
	 */
	public static KnowledgeItem check(String kind, String topic, String content, String language, String validFrom,
			String validUntil) {
		if (kind == null || !KnowledgeItem.CLINIC_KINDS.contains(kind)) {
			throw new InvalidInput("kind", "kind must be one of " + KnowledgeItem.CLINIC_KINDS);
		}
		if (content == null || content.isBlank()) {
			throw new InvalidInput("content", "content is required");
		}
		if (content.length() > 2000) {
			throw new InvalidInput("content", "content must be at most 2000 characters");
		}
		if (topic != null && (topic.isBlank() || topic.length() > 100)) {
			throw new InvalidInput("topic", "topic must be a short word such as botox or general");
		}
		if (language != null && !LANGUAGES.contains(language)) {
			throw new InvalidInput("language", "language must be one of " + LANGUAGES);
		}
		LocalDate from = date("validFrom", validFrom);
		LocalDate until = date("validUntil", validUntil);
		if (from != null && until != null && until.isBefore(from)) {
			throw new InvalidInput("validUntil", "validUntil must not be before validFrom");
		}
		if (KnowledgeItem.OFFER.equals(kind) && until == null) {
			throw new InvalidInput("validUntil", "an offer needs validUntil");
		}
		String normalisedTopic = (topic != null) ? topic.trim().toLowerCase() : "general";
		if (KnowledgeItem.NAME.equals(kind) && "general".equals(normalisedTopic)) {
			throw new InvalidInput("topic", "a name needs the procedure's key as its topic");
		}
		// Text is English unless it says otherwise; a link suits every language.
		String written = (language != null) ? language : (KnowledgeItem.LINK.equals(kind) ? null : "en");
		return new KnowledgeItem(0, kind, normalisedTopic, content.trim(), written, from, until);
	}

	private static LocalDate date(String field, String text) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(field, field + " must be an ISO date (2026-01-31)");
		}
	}

}
