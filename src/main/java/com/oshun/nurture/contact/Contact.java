package com.oshun.nurture.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A patient or lead as the engine sees them.
 */
public record Contact(long id, String externalId, String name, String phone, String email, ZoneId zone, String locale,
		String preferredChannel, String instagramSourceId, String procedureInterest, List<String> interests,
		boolean marketingConsent, String status, List<String> tags, Instant warmLeadAt, Instant lastInboundAt,
		Instant lastNurtureAt, String carePlanProcedure, Instant rebookDueAt) {

	/**
	 * The tag set when Meta reported the contact's WhatsApp number undeliverable
	 * (131026).
	 */
	public static final String WHATSAPP_UNDELIVERABLE = "whatsapp_undeliverable";

	public boolean whatsappUndeliverable() {
		return tags.contains(WHATSAPP_UNDELIVERABLE);
	}

	public boolean optedOut() {
		return "opted_out".equals(status);
	}

	public String firstName() {
		if (name == null || name.isBlank()) {
			return null;
		}
		return name.trim().split("\\s+")[0];
	}

	/** The language to write in: {@code en}, {@code es} or {@code pt}. */
	public String language() {
		if (locale == null || locale.isBlank()) {
			return "en";
		}
		String language = locale.toLowerCase().substring(0, Math.min(2, locale.length()));
		return switch (language) {
			case "es", "pt" -> language;
			default -> "en";
		};
	}

}
