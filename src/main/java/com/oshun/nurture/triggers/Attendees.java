package com.oshun.nurture.triggers;

import java.time.ZoneId;
import java.util.Locale;

import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.web.InvalidInput;

/**
 * Contact details from a booking system's attendee. The e-mail is the attendee's key and
 * must be valid; a phone or time zone we cannot use is dropped rather than refusing the
 * booking, because the vendor will not send it again in another form.
 */
final class Attendees {

	private Attendees() {
	}

	/**
	 * The contact key a vendor's attendee is known by: {@code calcom:ana@example.com}.
	 */
	static String key(String source, String email) {
		return source + ":" + email;
	}

	static String email(String email, String field) {
		String trimmed = email.trim().toLowerCase(Locale.ROOT);
		if (!trimmed.matches("[^@\\s]+@[^@\\s]+")) {
			throw new InvalidInput(field, field + " must be an e-mail address");
		}
		return trimmed;
	}

	static ContactDetails details(String name, String email, String phone, String timezone, String locale) {
		return new ContactDetails(name, phone(phone), email, zone(timezone), locale, null, null, null, null, null);
	}

	/** E.164 from what people type ({@code +1 404-555-1234}), or null. */
	static String phone(String text) {
		if (text == null) {
			return null;
		}
		String digits = text.replaceAll("[\\s().-]", "");
		return digits.matches("\\+[1-9]\\d{6,14}") ? digits : null;
	}

	private static String zone(String text) {
		if (text == null) {
			return null;
		}
		try {
			return ZoneId.of(text).getId();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
