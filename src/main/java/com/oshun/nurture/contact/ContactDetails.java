package com.oshun.nurture.contact;

import java.util.List;
import java.util.Locale;

import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;

/**
 * What a webhook or an operator says about a contact. A null field leaves the stored
 * value alone. The phone is E.164 (see {@link Phones#parse}); a booking system's
 * placeholder e-mail (Cal.com's {@code <digits>@sms.cal.com} for a phone-only booker) is
 * no e-mail at all and is dropped here, so it is never stored nor sent anywhere.
 */
public record ContactDetails(String name, String phone, String email, String timezone, String locale,
		String preferredChannel, String instagramSourceId, String procedureInterest, List<String> interests,
		Boolean marketingConsent) {

	private static final List<String> CHANNELS = List.of("whatsapp", "instagram");

	public ContactDetails {
		email = placeholderEmail(email) ? null : email;
	}

	/** An address a booking system made up for someone who gave none. */
	public static boolean placeholderEmail(String email) {
		return email != null && email.trim().toLowerCase(Locale.ROOT).endsWith("@sms.cal.com");
	}

	public static ContactDetails empty() {
		return new ContactDetails(null, null, null, null, null, null, null, null, null, null);
	}

	/** These details with another zone (null leaves the stored one alone). */
	public ContactDetails withTimezone(String zone) {
		return new ContactDetails(name, phone, email, zone, locale, preferredChannel, instagramSourceId,
				procedureInterest, interests, marketingConsent);
	}

	/** These details with another procedure of interest (null keeps these details'). */
	public ContactDetails withProcedureInterest(String procedure) {
		return (procedure == null) ? this : new ContactDetails(name, phone, email, timezone, locale, preferredChannel,
				instagramSourceId, procedure, interests, marketingConsent);
	}

	/**
	 * Read the contact fields of a JSON object, naming any field at fault; a phone is
	 * read as the clinic's region writes it when it has no country code.
	 */
	public static ContactDetails read(JsonFields contact, Phones phones) {
		String channel = contact.optionalText("preferredChannel").map(String::toLowerCase).orElse(null);
		if (channel != null && !CHANNELS.contains(channel)) {
			throw new InvalidInput(contact.path("preferredChannel"),
					contact.path("preferredChannel") + " must be whatsapp or instagram");
		}
		String phone = contact.optionalText("phone")
			.map(text -> phones.parse(text)
				.orElseThrow(() -> new InvalidInput(contact.path("phone"), contact.path("phone")
						+ " must be a valid phone number: E.164 like +5511987654321, or a national number of the"
						+ " clinic's region")))
			.orElse(null);
		String email = contact.optionalText("email").orElse(null);
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
			throw new InvalidInput(contact.path("email"), contact.path("email") + " must be an e-mail address");
		}
		return new ContactDetails(contact.optionalText("name").orElse(null), phone, email,
				contact.optionalZone("timezone").orElse(null), contact.optionalText("locale").orElse(null), channel,
				contact.optionalText("instagramSourceId").orElse(null),
				contact.optionalText("procedureInterest").orElse(null), contact.optionalTexts("interests").orElse(null),
				contact.optionalBoolean("marketingConsent").orElse(null));
	}

}
