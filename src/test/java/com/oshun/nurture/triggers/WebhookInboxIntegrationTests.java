package com.oshun.nurture.triggers;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.web.JsonFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking webhooks' inbox: what is stored is applied once, in a contact's order, by
 * whichever worker runs, and a delivery that fails waits for its retry without holding
 * back other contacts.
 */
class WebhookInboxIntegrationTests extends IntegrationTest {

	@Autowired
	private InboxWorkers workers;

	@Autowired
	private WebhookInbox inbox;

	@Autowired
	private InboxSettings settings;

	@Autowired
	private Phones phones;

	@Autowired
	private ObjectMapper mapper;

	@AfterEach
	void workersRunAndNothingFails() {
		jdbc.sql("drop trigger if exists refuse_booking on bookings").update();
		if (!workers.isRunning()) {
			workers.start();
		}
	}

	@Test
	void aStoredDeliveryWaitsForAWorkerAndIsAppliedOnceItRuns() {
		workers.stop();
		store("evt_1", BookingJson.noShow("evt_1", "c_42"));

		assertThat(count("select count(*) from contacts")).isZero();
		assertThat(count("select count(*) from webhook_events where processed_at is null")).isOne();
		// A delivery again while the first waits is a duplicate, stored or not.
		http.booking(BookingJson.noShow("evt_1", "c_42")).expect(200);

		workers.start();
		workers.drain();

		assertThat(
				http.get("/api/contacts/c_42").expect(200).json().get("activeEnrollment").get("sequence").stringValue())
			.isEqualTo("no_show");
		assertThat(count("select count(*) from nurture_webhook_inbox")).isZero();
		assertThat(count("select count(*) from webhook_events where processed_at is not null")).isOne();
		assertThat(count("select count(*) from nurture_enrollments")).isOne();
	}

	@Test
	void aFailingDeliveryHoldsItsContactsLaterOnesAndNobodyElse() {
		refuseBookingsOfContactBad();

		http.booking(BookingJson.noShow("evt_1", "c_bad")).expect(202);
		store("evt_2", BookingJson.created("evt_2", "c_bad").replace("2026-01-05T08:00:00Z", "2026-01-05T09:00:00Z"));
		http.booking(BookingJson.noShow("evt_3", "c_ok")).expect(202);
		workers.drain();

		assertThat(
				http.get("/api/contacts/c_ok").expect(200).json().get("activeEnrollment").get("sequence").stringValue())
			.isEqualTo("no_show");
		http.get("/api/contacts/c_bad").expect(404);
		List<String> held = jdbc
			.sql("select attempts || ' ' || coalesce(last_error, '-') from nurture_webhook_inbox order by id")
			.query(String.class)
			.list();
		assertThat(held).hasSize(2);
		assertThat(held.get(0)).startsWith("1 ").contains("PSQLException").doesNotContain("refused for the test");
		assertThat(held.get(1)).isEqualTo("0 -");
		JsonNode health = http.get("/actuator/health").expect(200).json();
		assertThat(health.get("status").stringValue()).isEqualTo("UP");
		JsonNode component = health.get("components").get("webhookInbox");
		assertThat(component.get("status").stringValue()).isEqualTo("WARNING");
		assertThat(component.get("details").get("pending").asLong()).isEqualTo(2);
		assertThat(component.get("details").get("retrying").asLong()).isOne();
	}

	@Test
	void aHeldDeliveryIsAppliedInOrderOnceItsRetryIsDue() {
		refuseBookingsOfContactBad();
		http.booking(BookingJson.noShow("evt_1", "c_bad")).expect(202);
		store("evt_2", BookingJson.created("evt_2", "c_bad").replace("2026-01-05T08:00:00Z", "2026-01-05T09:00:00Z"));
		workers.drain();
		assertThat(count("select count(*) from nurture_webhook_inbox")).isEqualTo(2);

		jdbc.sql("drop trigger refuse_booking on bookings").update();
		advance("PT2S");
		workers.drain();

		assertThat(count("select count(*) from nurture_webhook_inbox")).isZero();
		assertThat(http.get("/actuator/health")
			.expect(200)
			.json()
			.get("components")
			.get("webhookInbox")
			.get("status")
			.stringValue()).isEqualTo("UP");
		List<String> outcomes = jdbc.sql("select kind || ': ' || outcome from triggers order by id")
			.query(String.class)
			.list();
		assertThat(outcomes).hasSize(2);
		assertThat(outcomes.get(0)).startsWith("booking.noShow: enrolled in no_show");
		assertThat(outcomes.get(1)).isEqualTo("booking.created: ended no_show enrollment");
		assertThat(jdbc.sql("select status from bookings where external_id = 'bk_c_bad'").query(String.class).single())
			.isEqualTo("booked");
	}

	/** The database refuses c_bad's booking, as a constraint or a full disk would. */
	private void refuseBookingsOfContactBad() {
		jdbc.sql("""
				create or replace function refuse_booking() returns trigger language plpgsql as $$
				begin raise exception 'refused for the test'; end $$
				""").update();
		jdbc.sql("""
				create trigger refuse_booking before insert on bookings for each row
				when (new.external_id = 'bk_c_bad') execute function refuse_booking()
				""").update();
	}

	private void store(String id, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		List<BookingEvent> events = List.of(BookingEventParser.parse(JsonFields.parse(mapper, body), phones));
		assertThat(events.get(0).id()).isEqualTo(id);
		assertThat(
				inbox.store(BookingWebhookController.SOURCE, events, body, settings.lane(events.get(0).contactKey())))
			.isPresent();
	}

}
