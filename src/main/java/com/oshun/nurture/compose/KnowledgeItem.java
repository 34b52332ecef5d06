package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.util.List;

/**
 * One item of the clinic's knowledge (or of what a contact told us): a procedure fact, a
 * consented patient story, an offer with its validity, an FAQ, a link, or the name a
 * procedure goes by in one language.
 *
 * @param topic the procedure it is about ({@code botox}), or {@code general}
 * @param language {@code en}, {@code es} or {@code pt}; null when it suits any language
 */
public record KnowledgeItem(long id, String kind, String topic, String content, String language, LocalDate validFrom,
		LocalDate validUntil) {

	public static final String PROCEDURE = "procedure";

	public static final String STORY = "story";

	public static final String OFFER = "offer";

	public static final String FAQ = "faq";

	public static final String LINK = "link";

	public static final String MEMORY = "memory";

	/**
	 * A procedure's display name in one language ({@code topic}: the procedure's key).
	 */
	public static final String NAME = "name";

	public static final List<String> CLINIC_KINDS = List.of(PROCEDURE, STORY, OFFER, FAQ, LINK, NAME);

	public boolean validOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
	}

	public boolean about(String procedure) {
		return topic == null || "general".equalsIgnoreCase(topic)
				|| (procedure != null && topic.equalsIgnoreCase(procedure));
	}

	public boolean suits(String contactLanguage) {
		return language == null || language.equals(contactLanguage);
	}

}
