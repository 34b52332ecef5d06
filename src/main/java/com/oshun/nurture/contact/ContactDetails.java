package com.oshun.nurture.contact;

import java.util.List;

import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;

/**
 * What a webhook or an operator says about a contact. A null field leaves the stored
 * value alone.
 */
public record ContactDetails(String name, String phone, String email, String timezone, String locale,
		String preferredChannel, String instagramSourceId, String procedureInterest, List<String> interests,
		Boolean marketingConsent) {

	private static final List<String> CHANNELS = List.of("whatsapp", "instagram");

	public static ContactDetails empty() {
		return new ContactDetails(null, null, null, null, null, null, null, null, null, null);
	}

	/** These details with another procedure of interest (null keeps these details'). */
	public ContactDetails withProcedureInterest(String procedure) {
		return (procedure == null) ? this : new ContactDetails(name, phone, email, timezone, locale, preferredChannel,
				instagramSourceId, procedure, interests, marketingConsent);
	}

	/** Read the contact fields of a JSON object, naming any field at fault. */
	public static ContactDetails read(JsonFields contact) {
		String channel = contact.optionalText("preferredChannel").map(String::toLowerCase).orElse(null);
		if (channel != null && !CHANNELS.contains(channel)) {
			throw new InvalidInput(contact.path("preferredChannel"),
					contact.path("preferredChannel") + " must be whatsapp or instagram");
		}
		String phone = contact.optionalText("phone").orElse(null);
		if (phone != null && !phone.matches("\\+[1-9]\\d{6,14}")) {
			throw new InvalidInput(contact.path("phone"),
					contact.path("phone") + " must be E.164, like +5511999990000");
		}
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
