package com.oshun.nurture.triggers;

import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.VendorWebhooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendlyWebhookIntegrationTests extends IntegrationTest {

	private static final String INVITEES = "https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/";

	private static final String A = INVITEES + "AAAAAAAAAAAAAAAA";

	private static final String B = INVITEES + "BBBBBBBBBBBBBBBB";

	private static final String ENDS = "2026-01-06T10:30:00Z";

	private VendorWebhooks vendors;

	@BeforeEach
	void vendors() {
		vendors = new VendorWebhooks(http);
	}

	@Test
	void theDocumentedInviteeCreatedExampleCreatesTheContactAndTheBooking() {
		var answer = vendors.calendly(VendorWebhooks.example("calendly_invitee_created.json")).expect(202).json();

		assertThat(answer.get("status").stringValue()).isEqualTo("accepted");
		var contact = http.get("/api/contacts/calendly:test@example.com").expect(200).json();
		assertThat(contact.get("name").stringValue()).isEqualTo("John Doe");
		assertThat(contact.get("timezone").stringValue()).isEqualTo("America/New_York");
		assertThat(bookingStatus(A)).isEqualTo("booked");
	}

	@Test
	void anAppointmentWhoseEndPassesWithNoNoShowIsAVisitThatFeedsTheLapsedCheck() {
		vendors.calendly(created(A, null, "2026-01-05T07:00:00.000000Z")).expect(202);

		advance("P1DT3H");
		assertThat(bookingStatus(A)).as("within the grace period").isEqualTo("booked");
		advance("P1D");

		assertThat(bookingStatus(A)).isEqualTo("completed");
		assertThat(carePlan()).isEqualTo("botox " + Instant.parse(ENDS).plus(120, ChronoUnit.DAYS));
		advance("P121D");
		assertThat(liveSequence()).isEqualTo("lapsed");
	}

	@Test
	void aNoShowIsNotAVisitAndEnrollsInTheNoShowSequence() {
		vendors.calendly(created(A, null, "2026-01-05T07:00:00.000000Z")).expect(202);

		vendors.calendly(noShow("invitee_no_show.created", "2026-01-06T10:40:00.000000Z")).expect(202);
		advance("P2D");

		assertThat(bookingStatus(A)).isEqualTo("no_show");
		assertThat(carePlan()).isEqualTo("none");
		assertThat(count("select count(*) from nurture_enrollments where sequence_key = 'no_show'")).isEqualTo(1);
	}

	@Test
	void aDeletedNoShowBeforeAnyMessageEndsTheEnrollmentAndTheVisitCounts() {
		vendors.calendly(created(A, null, "2026-01-05T07:00:00.000000Z")).expect(202);
		vendors.calendly(noShow("invitee_no_show.created", "2026-01-05T07:10:00.000000Z")).expect(202);

		vendors
			.calendly(noShow("invitee_no_show.deleted", "2026-01-05T07:20:00.000000Z")
				.replaceFirst("\"no_show\": \\{[^}]*\\},", ""))
			.expect(202);

		assertThat(liveSequence()).isNull();
		assertThat(jdbc.sql("select end_reason from nurture_enrollments").query(String.class).single())
			.isEqualTo("no-show unmarked");
		advance("P2D");
		assertThat(bookingStatus(A)).isEqualTo("completed");
	}

	@Test
	void aNoShowDeletedBeforeItWasCreatedLeavesNoEnrollment() {
		vendors.calendly(noShow("invitee_no_show.deleted", "2026-01-05T07:20:00.000000Z")).expect(202);

		vendors.calendly(noShow("invitee_no_show.created", "2026-01-05T07:10:00.000000Z")).expect(202);

		assertThat(count("select count(*) from nurture_enrollments")).isZero();
		assertThat(bookingStatus(A)).isEqualTo("booked");
	}

	@Test
	void aRescheduleIsNotACancellationInEitherOrder() {
		for (boolean cancelFirst : new boolean[] { true, false }) {
			resetWorld();
			vendors = new VendorWebhooks(http);
			vendors.calendly(noShow("invitee_no_show.created", "2026-01-05T07:00:00.000000Z")).expect(202);
			String cancel = canceled(true);
			String create = created(B, A, "2026-01-05T07:30:00.000000Z");

			vendors.calendly(cancelFirst ? cancel : create).expect(202);
			vendors.calendly(cancelFirst ? create : cancel).expect(202);

			assertThat(bookingStatus(A)).as("old invitee").isEqualTo("rescheduled");
			assertThat(bookingStatus(B)).as("new invitee").isEqualTo("booked");
			assertThat(endReasons()).as("cancel first: %s", cancelFirst).containsExactly("rescheduled");
			assertThat(liveSequence()).isNull();
			assertThat(count("select count(*) from contacts")).isEqualTo(1);
		}
	}

	@Test
	void aPlainCancellationIsRecorded() {
		vendors.calendly(created(A, null, "2026-01-05T07:00:00.000000Z")).expect(202);

		vendors.calendly(canceled(false)).expect(202);
		advance("P2D");

		assertThat(bookingStatus(A)).isEqualTo("cancelled");
		assertThat(carePlan()).isEqualTo("none");
	}

	@Test
	void newerFieldsUnknownEventsAndDuplicates() {
		String newer = created(A, null, "2026-01-05T07:00:00.000000Z").replace("\"rescheduled\": false,",
				"\"rescheduled\": false, \"first_name\": null, \"last_name\": null, \"scheduling_method\": null,"
						+ " \"invitee_scheduled_by\": null, \"reconfirmation\": null, \"payment\": null,");
		vendors.calendly(newer).expect(202);
		assertThat(vendors.calendly(newer).expect(200).json().get("status").stringValue()).isEqualTo("duplicate");

		var ignored = vendors
			.calendly("{\"event\":\"event_type.updated\",\"created_at\":\"2026-01-05T07:00:00Z\","
					+ "\"payload\":{\"uri\":\"https://api.calendly.com/event_types/X\"}}")
			.expect(202)
			.json();

		assertThat(ignored.get("status").stringValue()).isEqualTo("ignored");
		assertThat(count("select count(*) from webhook_events")).isEqualTo(1);
	}

	@Test
	void refusesWrongStaleAndMissingSignatures() {
		String body = VendorWebhooks.example("calendly_invitee_created.json");
		long now = Instant.now().getEpochSecond();

		vendors.calendly(body, null).expect(401);
		vendors.calendly(body, "").expect(401);
		vendors.calendly(body, "t=" + now + ",v1=" + "0".repeat(64)).expect(401);
		vendors.calendly(body, VendorWebhooks.calendlySignature(body, now, "another-key")).expect(401);
		vendors.calendly(body, VendorWebhooks.calendlySignature(body, now - 240, CALENDLY_KEY)).expect(401);
		vendors.calendly(body, VendorWebhooks.calendlySignature(body, now + 240, CALENDLY_KEY)).expect(401);
		vendors.calendly(body, "v1=" + VendorWebhooks.hmac(CALENDLY_KEY, now + ".", body)).expect(401);
		vendors.calendly(body, "t=" + now + ",v1=" + VendorWebhooks.hmac(CALENDLY_KEY, "", body)).expect(401);

		assertNothingStored();
		vendors.calendly(body, VendorWebhooks.calendlySignature(body, now - 120, CALENDLY_KEY)).expect(202);
	}

	@Test
	void badInputIsA400NamingTheField() {
		String body = VendorWebhooks.example("calendly_invitee_created.json");
		assertField(vendors.calendly("{not json"), "body");
		assertField(vendors.calendly("{\"payload\":{}}"), "event");
		assertField(vendors.calendly("{\"event\":\"invitee.created\"}"), "payload");
		assertField(vendors.calendly(body.replace("\"uri\": \"" + A + "\",", "")), "payload.uri");
		assertField(vendors.calendly(body.replace("\"test@example.com\"", "\"not-an-email\"")), "payload.email");
		assertField(
				vendors.calendly(
						body.replace("\"start_time\": \"2019-08-24T14:15:22.123456Z\"", "\"start_time\": \"soon\"")),
				"payload.scheduled_event.start_time");
		assertField(vendors.calendly(body.replace("\"rescheduled\": false", "\"rescheduled\": \"no\"")
			.replace("\"invitee.created\"", "\"invitee.canceled\"")), "payload.rescheduled");

		assertNothingStored();
		vendors.calendly("{\"event\":\"invitee.created\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").expect(413);
	}

	private static String created(String uri, String oldInvitee, String at) {
		String json = VendorWebhooks.example("calendly_invitee_created.json")
			.replace(A, uri)
			.replace("2020-11-23T17:51:19.000000Z", at)
			.replace("\"start_time\": \"2019-08-24T14:15:22.123456Z\"", "\"start_time\": \"2026-01-06T10:00:00Z\"")
			.replace("\"end_time\": \"2019-08-24T14:15:22.123456Z\"", "\"end_time\": \"" + ENDS + "\"")
			.replace("\"15 Minute Meeting\"", "\"Botox touch-up\"");
		return (oldInvitee == null) ? json
				: json.replace("\"old_invitee\": null", "\"old_invitee\": \"" + oldInvitee + "\"");
	}

	private static String canceled(boolean rescheduled) {
		String json = VendorWebhooks.example("calendly_invitee_canceled.json")
			.replace("2020-11-23T17:54:22.000000Z", "2026-01-05T07:30:00.000000Z");
		return rescheduled ? json.replace("\"rescheduled\": false", "\"rescheduled\": true")
			.replace("\"new_invitee\": null", "\"new_invitee\": \"" + B + "\"") : json;
	}

	private static String noShow(String event, String at) {
		return VendorWebhooks.example("calendly_invitee_no_show_created.json")
			.replace("\"invitee_no_show.created\"", "\"" + event + "\"")
			.replace("2020-11-23T17:51:19.000000Z", at);
	}

	private String bookingStatus(String uri) {
		return jdbc.sql("select status from bookings where source = 'calendly' and external_id = :id")
			.param("id", uri)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String carePlan() {
		return jdbc.sql("select care_plan_procedure, rebook_due_at from contacts")
			.query((rs, n) -> (rs.getString(1) == null) ? "none"
					: rs.getString(1) + " " + rs.getObject(2, OffsetDateTime.class).toInstant())
			.single();
	}

	private String liveSequence() {
		return jdbc.sql("select sequence_key from nurture_enrollments where status in ('active', 'paused')")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private List<String> endReasons() {
		return jdbc.sql("select end_reason from nurture_enrollments where status = 'ended' order by id")
			.query(String.class)
			.list();
	}

}
