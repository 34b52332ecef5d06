package com.oshun.nurture.triggers;

import java.util.List;

import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;

/**
 * A contact's fields as our own booking webhook and the admin API write them, read at the
 * edge (the contact module takes {@link ContactDetails} already read).
 */
public final class ContactFields {

	private static final List<String> CHANNELS = List.of("whatsapp", "instagram");

	private ContactFields() {
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
