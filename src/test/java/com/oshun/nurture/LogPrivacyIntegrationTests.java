package com.oshun.nurture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient data never reaches the logs at INFO: a whole sequence, a booking, bad input
 * full of personal data, and the logs are scanned for phones, e-mails, names and message
 * text.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIntegrationTests extends IntegrationTest {

	@Test
	void aFullRunLogsNoPhoneEmailNameOrMessageText(CapturedOutput output) {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		http.put("/api/contacts/c_2",
				"{\"name\":\"Zuleika Brandao\",\"phone\":\"+447400123777\",\"email\":\"zb@clinic-patient.test\"}")
			.expect(200);
		http.post("/api/contacts/c_2/warm-lead", "{\"procedure\":\"fillers\"}").expect(200);
		http.put("/api/contacts/c_3", "{\"name\":\"Zuleika\",\"phone\":\"not-a-phone +447700900778\"}").expect(400);
		advance("P10D");
		http.booking(BookingJson.created("evt_2", "c_1")).expect(202);
		http.get("/api/contacts/c_2/timeline").expect(200);
		String sent = jdbc.sql("select content from nurture_step_runs where status = 'sent' limit 1")
			.query(String.class)
			.single();

		String logs = output.getAll();
		assertThat(logs).doesNotContain("+55119999", "5511999", "c_1@example.com", "Ana Souza", "Zuleika",
				"+447400123777", "447700900778", "zb@clinic-patient.test", sent.substring(0, 40));
		assertThat(logs).doesNotContainPattern("\\+\\d{10,15}").doesNotContainPattern("[\\w.]+@[\\w.]+\\.(com|test)");
	}

}
