package com.oshun.nurture.triggers;

import com.oshun.nurture.contact.ClinicSettings;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.web.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttendeesTests {

	private final Attendees brazil = attendees("BR");

	@Test
	void phonesAsPeopleTypeThemBecomeE164() {
		assertThat(brazil.phone("+1 404-555-1234")).isEqualTo("+14045551234");
		assertThat(brazil.phone("+55 (11) 99999-0000")).isEqualTo("+5511999990000");
		assertThat(brazil.phone("(11) 98765-4321")).isEqualTo("+5511987654321");
		assertThat(attendees("US").phone("404-555-1234")).isEqualTo("+14045551234");
	}

	@Test
	void aPhoneOrZoneWeCannotUseIsDroppedNotRefused() {
		assertThat(brazil.phone("555-1234")).isNull();
		assertThat(brazil.phone("call me")).isNull();
		var details = brazil.details("Ana", "ana@example.com", "n/a", "Mars/Base", null);
		assertThat(details.phone()).isNull();
		assertThat(details.timezone()).isNull();
		assertThat(brazil.details(null, "a@b.c", null, "Asia/Kolkata", "en").timezone()).isEqualTo("Asia/Kolkata");
	}

	@Test
	void calcomsPlaceholderForAPhoneOnlyBookerIsTheirPhoneNotTheirEmail() {
		var onlyThePlaceholder = brazil.details("Ana", "5511987654321@sms.cal.com", null, null, null);
		assertThat(onlyThePlaceholder.email()).isNull();
		assertThat(onlyThePlaceholder.phone()).isEqualTo("+5511987654321");
		var withAPhone = brazil.details("Ana", "5511987654321@sms.cal.com", "+55 11 91234-5678", null, null);
		assertThat(withAPhone.email()).isNull();
		assertThat(withAPhone.phone()).isEqualTo("+5511912345678");
	}

	@Test
	void theEmailIsTheKeyLowercasedAndMustBeValid() {
		assertThat(Attendees.email(" Ana@Example.COM ", "email")).isEqualTo("ana@example.com");
		assertThat(Attendees.key("calcom", "ana@example.com")).isEqualTo("calcom:ana@example.com");
		assertThatThrownBy(() -> Attendees.email("not-an-email", "payload.email")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("payload.email");
	}

	private static Attendees attendees(String region) {
		return new Attendees(new Phones(new ClinicSettings("America/Sao_Paulo", region)));
	}

}
