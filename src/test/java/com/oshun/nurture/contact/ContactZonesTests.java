package com.oshun.nurture.contact;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactZonesTests {

	private final Phones brazil = new Phones(new ClinicSettings("America/Sao_Paulo", "BR"));

	@Test
	void aContactsZoneIsTheirOwnElseTheirPhonesElseTheClinics() {
		ContactZones zones = new ContactZones(brazil, new ClinicSettings("Europe/Lisbon", "BR"));

		assertThat(zones.of("Asia/Kolkata", "+5511987654321"))
			.isEqualTo(new ContactZones.Zone(ZoneId.of("Asia/Kolkata"), Contact.ZoneSource.CONTACT));
		assertThat(zones.of(null, "+5511987654321"))
			.isEqualTo(new ContactZones.Zone(ZoneId.of("America/Sao_Paulo"), Contact.ZoneSource.PHONE));
		assertThat(zones.of(null, "+18005551234"))
			.isEqualTo(new ContactZones.Zone(ZoneId.of("Europe/Lisbon"), Contact.ZoneSource.CLINIC));
		assertThat(zones.of(null, null))
			.isEqualTo(new ContactZones.Zone(ZoneId.of("Europe/Lisbon"), Contact.ZoneSource.CLINIC));
	}

}
