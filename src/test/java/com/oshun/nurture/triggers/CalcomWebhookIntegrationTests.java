package com.oshun.nurture.triggers;

import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.VendorWebhooks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalcomWebhookIntegrationTests extends IntegrationTest {

	private static final String UID = "bFJeNb2uX8ANpT3JL5EfXw";

	private static final String JOHN = "john.doe@example.com";

	private VendorWebhooks vendors;

	@BeforeEach
	void vendors() {
		vendors = new VendorWebhooks(http);
	}

	@Test
	void theDocumentedBookingCreatedExampleCreatesTheContactAndTheBooking() {
		var answer = vendors.calcom(VendorWebhooks.example("calcom_booking_created.json")).expect(202).json();

		assertThat(answer.get("status").stringValue()).isEqualTo("accepted");
		var contact = http.get("/api/contacts/calcom:" + JOHN).expect(200).json();
		assertThat(contact.get("name").stringValue()).isEqualTo("John Doe");
		assertThat(contact.get("email").stringValue()).isEqualTo(JOHN);
		assertThat(contact.get("timezone").stringValue()).isEqualTo("Asia/Kolkata");
		assertThat(http.get("/api/contacts?q=" + JOHN).body()).contains("John Doe");
		assertThat(bookingStatus(UID + "/" + JOHN)).isEqualTo("booked");
	}

	@Test
	void aBookingEndsTheLiveEnrollmentOfTheAttendee() {
		vendors.calcom(noShow("old-uid", "attendee@example.com", true, "2026-01-04T10:00:00.000Z")).expect(202);
		assertThat(liveSequence("attendee@example.com")).isEqualTo("no_show");

		vendors.calcom(created("BOOKING_CREATED", "new-uid", "attendee@example.com", "2026-01-05T07:00:00.000Z"))
			.expect(202);

		assertThat(liveSequence("attendee@example.com")).isNull();
		assertThat(endReasons()).containsExactly("booked");
	}

	@Test
	void aNoShowFindsTheContactRecordedWhenTheBookingWasCreated() {
		String booking = created("BOOKING_CREATED", "no-show-uid", "attendee@example.com", "2024-06-14T10:00:00.000Z")
			.replace("\"name\": \"John Doe\",", "\"name\": \"Ana Souza\", \"phoneNumber\": \"+55 11 99999-0000\",");
		vendors.calcom(booking).expect(202);

		vendors.calcom(VendorWebhooks.example("calcom_no_show_updated.json")).expect(202);

		assertThat(count("select count(*) from contacts")).isEqualTo(1);
		var contact = http.get("/api/contacts/calcom:attendee@example.com").expect(200).json();
		assertThat(contact.get("name").stringValue()).isEqualTo("Ana Souza");
		assertThat(contact.get("phone").stringValue()).isEqualTo("+5511999990000");
		assertThat(contact.get("activeEnrollment").get("sequence").stringValue()).isEqualTo("no_show");
		assertThat(bookingStatus("no-show-uid/attendee@example.com")).isEqualTo("no_show");
	}

	@Test
	void unmarkingANoShowBeforeAnyMessageEndsTheNoShowEnrollment() {
		vendors.calcom(VendorWebhooks.example("calcom_no_show_updated.json")).expect(202);

		vendors.calcom(noShow("no-show-uid", "attendee@example.com", false, "2024-06-15T11:00:00.000Z")).expect(202);

		assertThat(liveSequence("attendee@example.com")).isNull();
		assertThat(endReasons()).containsExactly("no-show unmarked");
		assertThat(bookingStatus("no-show-uid/attendee@example.com")).isEqualTo("booked");
	}

	@Test
	void unmarkingANoShowAfterAMessageWentOutKeepsTheEnrollmentAndSaysWhy() {
		vendors.calcom(VendorWebhooks.example("calcom_no_show_updated.json")).expect(202);
		// No zone and no phone: the clinic's (São Paulo) quiet hours open at 12:00 UTC.
		advance("PT5H");
		assertThat(count("select count(*) from nurture_step_runs where status = 'sent'")).isEqualTo(1);

		vendors.calcom(noShow("no-show-uid", "attendee@example.com", false, "2024-06-15T11:00:00.000Z")).expect(202);

		assertThat(liveSequence("attendee@example.com")).isEqualTo("no_show");
		assertThat(jdbc.sql("select outcome from triggers where kind = 'booking.noShowReverted'")
			.query(String.class)
			.single()).isEqualTo("kept no_show enrollment: 1 step(s) already sent");
	}

	@Test
	void aNoShowBeforeWeSawTheBookingEnrollsOnceAndTheLateCreateChangesNothingElse() {
		vendors.calcom(noShow(UID, JOHN, true, "2023-05-25T10:00:00.000Z")).expect(202);

		vendors.calcom(VendorWebhooks.example("calcom_booking_created.json")).expect(202);

		assertThat(count("select count(*) from contacts")).isEqualTo(1);
		assertThat(count("select count(*) from nurture_enrollments")).isEqualTo(1);
		assertThat(liveSequence(JOHN)).isEqualTo("no_show");
		assertThat(bookingStatus(UID + "/" + JOHN)).isEqualTo("no_show");
		assertThat(http.get("/api/contacts/calcom:" + JOHN).json().get("name").stringValue()).isEqualTo("John Doe");
	}

	@Test
	void aRescheduleMovesTheBookingInEitherOrderWithoutEnrolling() {
		String create = created("BOOKING_CREATED", "old-uid", JOHN, "2026-01-05T07:00:00.000Z");
		String reschedule = rescheduled("new-uid", "old-uid", "2026-01-05T07:30:00.000Z");
		String createB = create.replace(JOHN, "b@example.com");
		String rescheduleB = reschedule.replace(JOHN, "b@example.com");

		vendors.calcom(create).expect(202);
		vendors.calcom(reschedule).expect(202);
		vendors.calcom(rescheduleB).expect(202);
		vendors.calcom(createB).expect(202);

		for (String email : new String[] { JOHN, "b@example.com" }) {
			assertThat(bookingStatus("old-uid/" + email)).isEqualTo("rescheduled");
			assertThat(bookingStatus("new-uid/" + email)).isEqualTo("booked");
		}
		assertThat(count("select count(*) from contacts")).isEqualTo(2);
		assertThat(count("select count(*) from nurture_enrollments")).isZero();
	}

	@Test
	void aMeetingThatEndedWithoutANoShowBecomesAVisitAfterTheGracePeriod() {
		vendors.calcom(created("BOOKING_CREATED", UID, JOHN, "2026-01-05T07:00:00.000Z")).expect(202);
		String flat = """
				{"triggerEvent":"MEETING_ENDED","id":91,"uid":"%s","startTime":"2026-01-06T10:00:00.000Z",
				 "endTime":"2026-01-06T11:00:00.000Z","title":"Botox consultation between Pro and John",
				 "status":"ACCEPTED","userId":5,"eventTypeId":7}
				""".formatted(UID);

		advance("P1D");
		vendors.calcom(flat).expect(202);
		advance("PT4H");
		assertThat(bookingStatus(UID + "/" + JOHN)).as("within the grace period").isEqualTo("booked");
		advance("PT2H");

		assertThat(bookingStatus(UID + "/" + JOHN)).isEqualTo("completed");
		var carePlan = jdbc.sql("select care_plan_procedure, rebook_due_at from contacts")
			.query((rs, n) -> rs.getString(1) + " " + rs.getObject(2, java.time.OffsetDateTime.class).toInstant())
			.single();
		assertThat(carePlan).isEqualTo("botox " + Instant.parse("2026-01-06T11:00:00Z").plus(120, ChronoUnit.DAYS));
	}

	@Test
	void aWrappedMeetingEndedFollowedByANoShowIsNotAVisit() {
		vendors.calcom(created("BOOKING_CREATED", UID, JOHN, "2026-01-05T07:00:00.000Z")).expect(202);
		advance("P1D");
		vendors.calcom("""
				{"triggerEvent":"MEETING_ENDED","createdAt":"2026-01-06T11:00:00.000Z",
				 "payload":{"uid":"%s","bookingId":91,"endTime":"2026-01-06T11:00:00.000Z","metadata":{}}}
				""".formatted(UID)).expect(202);
		vendors.calcom(noShow(UID, JOHN, true, "2026-01-06T11:30:00.000Z")).expect(202);

		advance("P1D");

		assertThat(bookingStatus(UID + "/" + JOHN)).isEqualTo("no_show");
		assertThat(count("select count(*) from contacts where rebook_due_at is not null")).isZero();
		assertThat(count("select count(*) from nurture_enrollments where sequence_key = 'no_show'")).isEqualTo(1);
	}

	@Test
	void aMeetingEndedForABookingWeNeverSawUsesItsAttendeesOrIsIgnored() {
		var ignored = vendors.calcom("""
				{"triggerEvent":"MEETING_ENDED","id":5,"uid":"unknown-uid","endTime":"2026-01-05T07:00:00.000Z"}
				""").expect(202).json();
		assertThat(ignored.get("status").stringValue()).isEqualTo("ignored");

		vendors.calcom("""
				{"triggerEvent":"MEETING_ENDED","createdAt":"2026-01-05T07:00:00.000Z",
				 "payload":{"uid":"seen-late","eventTitle":"Skin peel","endTime":"2026-01-05T07:00:00.000Z",
				            "attendees":[{"email":"late@example.com","name":"Lia Late","timeZone":"Europe/Lisbon"}]}}
				""").expect(202);
		advance("PT2H");

		assertThat(bookingStatus("seen-late/late@example.com")).isEqualTo("completed");
		assertThat(jdbc.sql("select care_plan_procedure from contacts").query(String.class).single()).isEqualTo("skin");
	}

	@Test
	void everyAttendeeIsAPatientAndANoShowNamesOnlyTheOneWhoMissedIt() {
		String twoAttendees = VendorWebhooks.example("calcom_booking_created.json")
			.replaceFirst("\\}\\s*\\]\\s*,\\s*\"location\": \"Calcom HQ\"",
					"}, {\"email\": \"Maria@Example.com\", \"name\": \"Maria Lopes\", "
							+ "\"timeZone\": \"America/Sao_Paulo\", \"language\": {\"locale\": \"pt-BR\"}, "
							+ "\"phoneNumber\": \"+55 11 98888-7777\"}], \"location\": \"Calcom HQ\"");
		vendors.calcom(twoAttendees).expect(202);

		vendors.calcom(noShow(UID, "maria@example.com", true, "2023-05-25T10:00:00.000Z")).expect(202);

		assertThat(count("select count(*) from contacts")).isEqualTo(2);
		assertThat(liveSequence("maria@example.com")).isEqualTo("no_show");
		assertThat(liveSequence(JOHN)).isNull();
		var maria = http.get("/api/contacts/calcom:maria@example.com").expect(200).json();
		assertThat(maria.get("phone").stringValue()).isEqualTo("+5511988887777");
		assertThat(maria.get("locale").stringValue()).isEqualTo("pt-BR");
	}

	@Test
	void unknownFieldsAndMissingOptionalFieldsAreFine() {
		String lean = """
				{"triggerEvent":"BOOKING_CREATED","createdAt":"2026-01-05T07:00:00.000Z","somethingNew":{"a":1},
				 "payload":{"uid":"lean-uid","attendees":[{"email":"lean@example.com","newField":true}]}}
				""";

		vendors.calcom(lean).expect(202);

		assertThat(bookingStatus("lean-uid/lean@example.com")).isEqualTo("booked");
	}

	@Test
	void theSameDeliveryTwiceIsADuplicate() {
		String body = VendorWebhooks.example("calcom_no_show_updated.json");
		vendors.calcom(body).expect(202);

		var again = vendors.calcom(body).expect(200).json();

		assertThat(again.get("status").stringValue()).isEqualTo("duplicate");
		assertThat(count("select count(*) from nurture_enrollments")).isEqualTo(1);
	}

	@Test
	void pingAndUnknownTriggersAreAcceptedAndIgnored() {
		for (String trigger : new String[] { "PING", "BOOKING_REQUESTED", "OOO_CREATED", "SOMETHING_NEW" }) {
			var answer = vendors
				.calcom("{\"triggerEvent\":\"" + trigger + "\",\"createdAt\":\"2026-01-05T07:00:00Z\","
						+ "\"payload\":{\"type\":\"Test\"}}")
				.expect(202)
				.json();
			assertThat(answer.get("status").stringValue()).isEqualTo("ignored");
		}
		assertNothingStored();
	}

	@Test
	void refusesMissingWrongAndUnsetSignatures() {
		String body = VendorWebhooks.example("calcom_booking_created.json");

		vendors.calcom(body, null).expect(401);
		vendors.calcom(body, "no-secret-provided").expect(401);
		vendors.calcom(body, "0".repeat(64)).expect(401);
		vendors.calcom(body, VendorWebhooks.hmac("another-secret", "", body)).expect(401);
		vendors.calcom(body, "sha256=" + VendorWebhooks.hmac(CALCOM_SECRET, "", body)).expect(401);
		vendors.calcom(body + " ", VendorWebhooks.hmac(CALCOM_SECRET, "", body)).expect(401);

		assertNothingStored();
	}

	@Test
	void badInputIsA400NamingTheField() {
		String created = VendorWebhooks.example("calcom_booking_created.json");
		assertField(vendors.calcom("{not json"), "body");
		assertField(vendors.calcom("{\"createdAt\":\"2026-01-05T07:00:00Z\"}"), "triggerEvent");
		assertField(vendors.calcom("{\"triggerEvent\":\"BOOKING_CREATED\"}"), "payload");
		assertField(vendors.calcom(created.replace("\"uid\": \"" + UID + "\",", "")), "payload.uid");
		assertField(vendors.calcom(created.replace("\"2023-05-25T09:30:00Z\"", "\"tomorrow\"")), "payload.startTime");
		assertField(vendors.calcom(created.replace("\"email\": \"" + JOHN + "\",\n                \"name\"",
				"\"email\": \"not-an-email\",\n                \"name\"")), "payload.attendees[0].email");
		assertField(vendors.calcom(created.replaceFirst("\"attendees\": \\[", "\"attendees\": 7, \"x\": [")),
				"payload.attendees");
		assertField(vendors.calcom(VendorWebhooks.example("calcom_no_show_updated.json")
			.replace("\"noShow\": true", "\"noShow\": \"yes\"")), "payload.attendees[0].noShow");

		assertNothingStored();
	}

	@Test
	void aBodyOverOneMebibyteIsA413() {
		vendors.calcom("{\"triggerEvent\":\"PING\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").expect(413);
	}

	private static String created(String trigger, String uid, String email, String createdAt) {
		return VendorWebhooks.example("calcom_booking_created.json")
			.replace("\"BOOKING_CREATED\"", "\"" + trigger + "\"")
			.replace(UID, uid)
			.replace(JOHN, email)
			.replace("2023-05-24T09:30:00.538Z", createdAt)
			.replace("2023-05-25T09:30:00Z", "2026-01-06T10:00:00Z")
			.replace("2023-05-25T10:30:00Z", "2026-01-06T11:00:00Z")
			.replace("\"eventTitle\": \"60min\"", "\"eventTitle\": \"Botox consultation\"");
	}

	private static String rescheduled(String uid, String previousUid, String createdAt) {
		return created("BOOKING_RESCHEDULED", uid, JOHN, createdAt).replace("\"uid\": \"" + uid + "\",",
				"\"uid\": \"" + uid + "\", \"rescheduleUid\": \"" + previousUid + "\", \"rescheduleId\": 90,");
	}

	private static String noShow(String uid, String email, boolean noShow, String createdAt) {
		return VendorWebhooks.example("calcom_no_show_updated.json")
			.replace("no-show-uid", uid)
			.replace("attendee@example.com", email)
			.replace("\"noShow\": true", "\"noShow\": " + noShow)
			.replace("2024-06-15T10:00:00.000Z", createdAt);
	}

	private String bookingStatus(String externalId) {
		return jdbc.sql("select status from bookings where source = 'calcom' and external_id = :id")
			.param("id", externalId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String liveSequence(String email) {
		return jdbc.sql("""
				select e.sequence_key from nurture_enrollments e join contacts c on c.id = e.contact_id
				where c.email = :email and e.status in ('active', 'paused')
				""").param("email", email).query(String.class).optional().orElse(null);
	}

	private java.util.List<String> endReasons() {
		return jdbc.sql("select end_reason from nurture_enrollments where status = 'ended' order by id")
			.query(String.class)
			.list();
	}

}
