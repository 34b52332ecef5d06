package com.oshun.nurture.admin;

import java.util.List;

import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.triggers.ContactFields;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.ReadOnlyFields;

/**
 * The body of {@code PUT /api/contacts/{externalId}}: the details it sets, and the fields
 * of {@link ContactView} it cannot set, which may come back as GET answers them (so the
 * body GET answers is accepted unchanged).
 */
record ContactInput(ContactDetails details, ReadOnlyFields readOnly, boolean zoneAsShown) {

	private static final List<String> ZONE_SOURCES = List.of("contact", "phone", "clinic");

	/**
	 * What GET shows and only the service changes: the key, opt-out, learning, care
	 * plans.
	 */
	static final String[] READ_ONLY = { "externalId", "status", "tags", "carePlanProcedure", "rebookDueAt",
			"preferences", "activeEnrollment" };

	/**
	 * {@code zoneAsShown}: the body carries the zone GET showed as coming from the phone
	 * or the clinic ({@code timezoneSource}); sent back unchanged, it must not become the
	 * contact's own.
	 */
	static ContactInput read(JsonFields json, Phones phones) {
		ContactDetails details = ContactFields.read(json, phones);
		String source = json.optionalText("timezoneSource").orElse(null);
		if (source != null && !ZONE_SOURCES.contains(source)) {
			throw new InvalidInput(json.path("timezoneSource"),
					json.path("timezoneSource") + " must be one of " + String.join(", ", ZONE_SOURCES));
		}
		boolean zoneAsShown = source != null && !source.equals("contact") && details.timezone() != null;
		return new ContactInput(details, ReadOnlyFields.read(json, READ_ONLY), zoneAsShown);
	}

	/** A contact's key as {@code PUT} and the import take it: 1 to 200 characters. */
	static String key(String externalId) {
		if (externalId.isBlank() || externalId.length() > 200) {
			throw new InvalidInput("externalId", "externalId must be 1 to 200 characters");
		}
		return externalId;
	}

	/** What to write first: without the zone when it may be the one derived. */
	ContactDetails firstWrite() {
		return zoneAsShown ? details.withTimezone(null) : details;
	}

	/** Whether the written contact's zone is not the one this body gives. */
	boolean zoneDiffers(String zoneUsed) {
		return zoneAsShown && !zoneUsed.equals(details.timezone());
	}

}
