package com.oshun.nurture.admin;

import java.time.Instant;
import java.util.List;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.enrollment.Enrollment;
import com.oshun.nurture.preferences.Preference;

/**
 * A contact as the admin API shows it. {@code timezone} is the zone their times are in,
 * {@code timezoneSource} where it came from: {@code contact} (their own), {@code phone}
 * (the one zone their number implies) or {@code clinic}.
 */
record ContactView(String externalId, String name, String phone, String email, String timezone, String timezoneSource,
		String locale, String preferredChannel, String instagramSourceId, String procedureInterest,
		List<String> interests, boolean marketingConsent, String status, List<String> tags, String carePlanProcedure,
		Instant rebookDueAt, List<PreferenceView> preferences, ActiveEnrollment activeEnrollment) {

	record PreferenceView(String key, String value, double confidence, int evidenceCount) {
	}

	record ActiveEnrollment(long id, String sequence, int version, String status, String arm, Instant startedAt) {
	}

	static ContactView of(Contact c, List<Preference> preferences, Enrollment live) {
		return new ContactView(c.externalId(), c.name(), c.phone(), c.email(), c.zone().getId(), c.zoneSource().value(),
				c.locale(), c.preferredChannel(), c.instagramSourceId(), c.procedureInterest(), c.interests(),
				c.marketingConsent(), c.status(), c.tags(), c.carePlanProcedure(), c.rebookDueAt(),
				preferences.stream()
					.map(p -> new PreferenceView(p.key(), p.value(), p.confidence(), p.evidenceCount()))
					.toList(),
				(live != null) ? new ActiveEnrollment(live.id(), live.sequence().key(), live.version(),
						live.status().value(), live.arm().value(), live.startedAt()) : null);
	}

}
