package com.oshun.nurture.contact;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.oshun.nurture.contact.Contact.ZoneSource;

import org.springframework.stereotype.Component;

/**
 * The zone a contact's times are in: their own, else the one their phone number implies
 * when it implies a single zone, else the clinic's. Worked out each time a contact is
 * read, so a new phone or a new clinic zone applies at once; what a phone implies is kept
 * (parsing one costs about 15 µs, and a batch reads its contacts more than once).
 */
@Component
class ContactZones {

	record Zone(ZoneId zone, ZoneSource source) {
	}

	private final Phones phones;

	private final Zone clinic;

	private final Map<String, Optional<ZoneId>> byPhone = new ConcurrentHashMap<>();

	ContactZones(Phones phones, ClinicSettings settings) {
		this.phones = phones;
		this.clinic = new Zone(settings.zone(), ZoneSource.CLINIC);
	}

	Zone of(String own, String phone) {
		if (own != null) {
			try {
				return new Zone(ZoneId.of(own), ZoneSource.CONTACT);
			}
			catch (DateTimeException ex) {
				// Stored before zones were checked; fall through to the phone's.
			}
		}
		if (phone == null) {
			return clinic;
		}
		if (byPhone.size() > 10_000) {
			byPhone.clear();
		}
		return byPhone.computeIfAbsent(phone, phones::zone)
			.map(zone -> new Zone(zone, ZoneSource.PHONE))
			.orElse(clinic);
	}

}
