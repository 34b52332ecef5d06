package com.oshun.nurture.triggers;

import com.oshun.nurture.web.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttendeesTests {

	@Test
	void phonesAsPeopleTypeThemBecomeE164() {
		assertThat(Attendees.phone("+1 404-555-1234")).isEqualTo("+14045551234");
		assertThat(Attendees.phone("+55 (11) 99999-0000")).isEqualTo("+5511999990000");
	}

	@Test
	void aPhoneOrZoneWeCannotUseIsDroppedNotRefused() {
		assertThat(Attendees.phone("404-555-1234")).isNull();
		assertThat(Attendees.phone("call me")).isNull();
		var details = Attendees.details("Ana", "ana@example.com", "n/a", "Mars/Base", null);
		assertThat(details.phone()).isNull();
		assertThat(details.timezone()).isNull();
		assertThat(Attendees.details(null, "a@b.c", null, "Asia/Kolkata", "en").timezone()).isEqualTo("Asia/Kolkata");
	}

	@Test
	void theEmailIsTheKeyLowercasedAndMustBeValid() {
		assertThat(Attendees.email(" Ana@Example.COM ", "email")).isEqualTo("ana@example.com");
		assertThat(Attendees.key("calcom", "ana@example.com")).isEqualTo("calcom:ana@example.com");
		assertThatThrownBy(() -> Attendees.email("not-an-email", "payload.email")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("payload.email");
	}

}
