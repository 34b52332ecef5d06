package com.oshun.nurture.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A patient or lead as the engine sees them.
 *
 * @param zone the zone their times are in: their own, else the one their phone number
 * implies, else the clinic's ({@code zoneSource} says which)
 * @param heldUntil no nurture message before then ({@code holdReason} says why), or null
 */
public record Contact(long id, String externalId, String name, String phone, String email, ZoneId zone,
		ZoneSource zoneSource, String locale, String preferredChannel, String instagramSourceId,
		String procedureInterest, List<String> interests, boolean marketingConsent, String status, List<String> tags,
		Instant warmLeadAt, Instant lastInboundAt, Instant lastNurtureAt, String carePlanProcedure, Instant rebookDueAt,
		Instant heldUntil, String holdReason) {

	/** Where a contact's time zone came from. */
	public enum ZoneSource {

		/** Their own, as a webhook or an operator gave it. */
		CONTACT,
		/** The one zone their phone number implies. */
		PHONE,
		/** The clinic's ({@code nurture.clinic.time-zone}). */
		CLINIC;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

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
