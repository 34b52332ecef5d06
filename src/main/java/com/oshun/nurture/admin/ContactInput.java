package com.oshun.nurture.admin;

import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.ReadOnlyFields;

/**
 * The body of {@code PUT /api/contacts/{externalId}}: the details it sets, and the fields
 * of {@link ContactView} it cannot set, which may come back as GET answers them (so the
 * body GET answers is accepted unchanged).
 */
record ContactInput(ContactDetails details, ReadOnlyFields readOnly) {

	/**
	 * What GET shows and only the service changes: the key, opt-out, learning, care
	 * plans.
	 */
	static final String[] READ_ONLY = { "externalId", "status", "tags", "carePlanProcedure", "rebookDueAt",
			"preferences", "activeEnrollment" };

	static ContactInput read(JsonFields json) {
		return new ContactInput(ContactDetails.read(json), ReadOnlyFields.read(json, READ_ONLY));
	}

}
