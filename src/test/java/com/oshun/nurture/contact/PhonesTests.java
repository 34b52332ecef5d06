package com.oshun.nurture.contact;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhonesTests {

	private final Phones brazil = new Phones(new ClinicSettings("America/Sao_Paulo", "BR"));

	@Test
	void nationalFormatsAreReadAsTheClinicsRegionWritesThem() {
		assertThat(brazil.parse("(11) 98765-4321")).hasValue("+5511987654321");
		assertThat(brazil.parse("011 98765-4321")).hasValue("+5511987654321");
		assertThat(brazil.parse("+55 11 98765-4321")).hasValue("+5511987654321");
		assertThat(brazil.parse("+1 (404) 555-1234")).hasValue("+14045551234");
		assertThat(new Phones(new ClinicSettings("America/New_York", "US")).parse("(404) 555-1234"))
			.hasValue("+14045551234");
	}

	@Test
	void aBrazilianMobileWithoutItsNinthDigitGetsIt() {
		assertThat(brazil.parse("+55 11 8765-4321")).hasValue("+5511987654321");
		assertThat(brazil.parse("+551187654321")).hasValue("+5511987654321");
		assertThat(brazil.parse("(21) 9876-5432")).hasValue("+5521998765432");
	}

	@Test
	void aBrazilianLandlineKeepsItsEightDigits() {
		assertThat(brazil.parse("+55 11 3333-4444")).hasValue("+551133334444");
		assertThat(Phones.forms("+551133334444")).containsExactly("+551133334444");
	}

	@Test
	void bothFormsOfABrazilianMobileAreLookedUp() {
		assertThat(Phones.forms("+5511987654321")).containsExactly("+5511987654321", "+551187654321");
		assertThat(Phones.forms("+551187654321")).containsExactly("+551187654321", "+5511987654321");
		// Without its 9, 9 1234-5678 would be the landline 1234-5678 of someone else.
		assertThat(Phones.forms("+5511912345678")).containsExactly("+5511912345678");
		assertThat(Phones.forms("+14045551234")).containsExactly("+14045551234");
		assertThat(Phones.forms(null)).isEmpty();
	}

	@Test
	void whatIsNotAValidNumberIsNone() {
		assertThat(brazil.parse("12345")).isEmpty();
		assertThat(brazil.parse("+15551234567")).isEmpty();
		assertThat(brazil.parse("not-a-phone +5511987654321")).isEmpty();
		assertThat(brazil.parse("+55 11 0000-0001")).isEmpty();
		assertThat(brazil.parse("9".repeat(300))).isEmpty();
		assertThat(brazil.parse("")).isEmpty();
		assertThat(brazil.parse(null)).isEmpty();
	}

	@Test
	void aNumberImpliesAZoneOnlyWhenItImpliesOne() {
		assertThat(brazil.zone("+5511987654321")).hasValue(ZoneId.of("America/Sao_Paulo"));
		assertThat(brazil.zone("+551187654321")).hasValue(ZoneId.of("America/Sao_Paulo"));
		assertThat(brazil.zone("+5592987654321")).hasValue(ZoneId.of("America/Manaus"));
		assertThat(brazil.zone("+14045551234")).hasValue(ZoneId.of("America/New_York"));
		assertThat(brazil.zone("+18005551234")).isEmpty();
		assertThat(brazil.zone("+15551234567")).isEmpty();
		assertThat(brazil.zone(null)).isEmpty();
	}

	@Test
	void theClinicsSettingsAreCheckedAtStart() {
		assertThat(new ClinicSettings(null, null)).isEqualTo(new ClinicSettings("America/Sao_Paulo", "BR"));
		assertThat(new ClinicSettings("Europe/London", "gb").region()).isEqualTo("GB");
		assertThatThrownBy(() -> new ClinicSettings("Mars/Base", "BR"))
			.hasMessageContaining("nurture.clinic.time-zone");
		assertThatThrownBy(() -> new ClinicSettings("UTC", "XX")).hasMessageContaining("nurture.clinic.region");
	}

}
