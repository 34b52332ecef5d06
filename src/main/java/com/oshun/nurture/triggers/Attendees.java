package com.oshun.nurture.triggers;

import java.time.ZoneId;
import java.util.Locale;

import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.web.InvalidInput;

import org.springframework.stereotype.Component;

/**
 * Contact details from a booking system's attendee. The e-mail is the attendee's key and
 * must be valid; a phone or time zone we cannot use is dropped rather than refusing the
 * booking, because the vendor will not send it again in another form. A phone without a
 * country code is read as the clinic's region writes it.
 */
@Component
class Attendees {

	private static final String SMS_PLACEHOLDER = "@sms.cal.com";

	private final Phones phones;

	Attendees(Phones phones) {
		this.phones = phones;
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

	/**
	 * The details of an attendee. Cal.com names a phone-only booker
	 * {@code <digits>@sms.cal.com}: that stays their key but is not an e-mail, and its
	 * digits are their phone when no other is given.
	 */
	ContactDetails details(String name, String email, String phone, String timezone, String locale) {
		String number = phone(phone);
		if (number == null && email != null && email.endsWith(SMS_PLACEHOLDER)) {
			number = phone("+" + email.substring(0, email.length() - SMS_PLACEHOLDER.length()));
		}
		return new ContactDetails(name, number, email, zone(timezone), locale, null, null, null, null, null);
	}

	/** E.164 from what people type ({@code +1 404-555-1234}), or null. */
	String phone(String text) {
		return phones.parse(text).orElse(null);
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
