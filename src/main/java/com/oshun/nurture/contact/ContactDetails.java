package com.oshun.nurture.contact;

import java.util.List;
import java.util.Locale;

/**
 * What a webhook or an operator says about a contact. A null field leaves the stored
 * value alone. The phone is E.164 (see {@link Phones#parse}); a booking system's
 * placeholder e-mail (Cal.com's {@code <digits>@sms.cal.com} for a phone-only booker) is
 * no e-mail at all and is dropped here, so it is never stored nor sent anywhere.
 */
public record ContactDetails(String name, String phone, String email, String timezone, String locale,
		String preferredChannel, String instagramSourceId, String procedureInterest, List<String> interests,
		Boolean marketingConsent) {

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

}
