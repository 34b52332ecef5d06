package com.oshun.nurture.triggers;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookingWebhookIntegrationTests extends IntegrationTest {

	@Test
	void noShowEnrollsAtOnceWithItsStepsPlanned() {
		http.booking(BookingJson.noShow("evt_1", "c_42")).expect(202);

		var contact = http.get("/api/contacts/c_42").expect(200).json();
		assertThat(contact.get("activeEnrollment").get("sequence").stringValue()).isEqualTo("no_show");
		assertThat(contact.get("tags").toString()).contains("no_show");
		assertThat(jdbc.sql("select count(*) from nurture_step_runs where status = 'scheduled'")
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void theSameWebhookTwiceIsADuplicateAndChangesNothing() {
		http.booking(BookingJson.noShow("evt_1", "c_42")).expect(202);
		String before = http.get("/api/contacts/c_42/timeline").body();

		var again = http.booking(BookingJson.noShow("evt_1", "c_42")).expect(200).json();

		assertThat(again.get("status").stringValue()).isEqualTo("duplicate");
		assertThat(http.get("/api/contacts/c_42/timeline").body()).isEqualTo(before);
	}

	@Test
	void anEventOlderThanTheOneThatSetTheBookingChangesNothingElse() {
		http.booking(BookingJson.noShow("evt_1", "c_42").replace("2026-01-05T08:00:00Z", "2026-01-05T09:00:00Z"))
			.expect(202);

		http.booking(BookingJson.created("evt_0", "c_42")).expect(202);

		var contact = http.get("/api/contacts/c_42").expect(200).json();
		assertThat(contact.get("activeEnrollment").get("sequence").stringValue()).isEqualTo("no_show");
		assertThat(jdbc.sql("select status from bookings where external_id = 'bk_c_42'").query(String.class).single())
			.isEqualTo("no_show");
		assertThat(jdbc.sql("select outcome from triggers where event_id = 'evt_0'").query(String.class).single())
			.startsWith("arrived after a newer event; booking stays no_show");
	}

	@Test
	void aNewKeyWithAKnownPhoneBecomesAnotherKeyOfThatContact() {
		http.booking(BookingJson.noShow("evt_1", "c_42")).expect(202);

		http.booking(
				BookingJson.created("evt_2", "c_42").replace("\"externalId\":\"c_42\"", "\"externalId\":\"crm_9\""))
			.expect(202);

		assertThat(http.get("/api/contacts/crm_9").expect(200).json().get("externalId").stringValue())
			.isEqualTo("c_42");
		assertThat(jdbc.sql("select count(*) from contacts").query(Long.class).single()).isEqualTo(1);
		assertThat(http.get("/api/contacts/c_42").expect(200).json().get("activeEnrollment").isNull()).isTrue();
	}

	@Test
	void refusesAMissingOrWrongSignatureAndAStaleTimestamp() {
		String body = BookingJson.noShow("evt_1", "c_42");
		long now = Instant.now().getEpochSecond();

		http.booking(body, now, "sha256=" + "0".repeat(64)).expect(401);
		http.booking(body, now, "").expect(401);
		http.booking(body, now - 301, null).expect(401);
		http.raw(HttpRequest.newBuilder(URI.create(http.base() + "/webhooks/booking"))
			.POST(HttpRequest.BodyPublishers.ofString(body))).expect(401);

		assertNothingStored();
	}

	@Test
	void badInputIsA400NamingTheField() {
		assertField(http.booking("{not json"), "body");
		assertField(http.booking("[]"), "body");
		assertField(http.booking("{\"type\":\"booking.noShow\"}"), "id");
		assertField(http.booking("{\"id\":\"e1\",\"type\":\"booking.noShow\",\"booking\":{\"id\":\"b\"}}"), "contact");
		assertField(
				http.booking("{\"id\":\"e1\",\"type\":\"booking.noShow\",\"booking\":{\"id\":\"b\"},\"contact\":{}}"),
				"contact.externalId");
		assertField(http.booking(BookingJson.noShow("e2", "c_1").replace("\"America/Sao_Paulo\"", "\"Mars/Base\"")),
				"contact.timezone");
		assertField(http.booking(BookingJson.noShow("e3", "c_1").replace("\"whatsapp\"", "\"fax\"")),
				"contact.preferredChannel");
		assertField(http.booking(BookingJson.noShow("e4", "c_1").replace("\"2026-01-20T14:00:00Z\"", "\"tomorrow\"")),
				"booking.startsAt");
		assertField(http.booking(BookingJson.noShow("e5", "c_1").replace("\"id\":\"e5\"", "\"id\":5")), "id");

		assertNothingStored();
	}

	@Test
	void unknownTypesAreAcceptedAndIgnored() {
		var answer = http.booking("{\"id\":\"e1\",\"type\":\"booking.paid\"}").expect(202).json();

		assertThat(answer.get("status").stringValue()).isEqualTo("ignored");
		assertNothingStored();
	}

	@Test
	void aBodyOverOneMebibyteIsA413() {
		String huge = "{\"id\":\"e1\",\"type\":\"booking.noShow\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";

		http.booking(huge).expect(413);
	}

}
