package com.oshun.nurture.triggers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.triggers.BookingEvent.Type;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Maps a Cal.com webhook (docs/booking-systems.md) onto booking events, one per attendee:
 * each attendee is a patient with their own booking, keyed {@code <uid>/<email>}. A
 * delivery is identified by its trigger, booking uid and {@code createdAt} (Cal.com signs
 * no timestamp and sends no delivery id).
 */
@Component
class CalcomEvents implements BookingSource {

	static final String SOURCE = "calcom";

	private final BookingRepository bookings;

	private final ProcedureMapping procedures;

	private final Attendees attendees;

	CalcomEvents(BookingRepository bookings, ProcedureMapping procedures, Attendees attendees) {
		this.bookings = bookings;
		this.procedures = procedures;
		this.attendees = attendees;
	}

	/** The events of a delivery; empty for triggers we do not act on. */
	@Override
	public List<BookingEvent> read(JsonFields root, byte[] body) {
		String trigger = root.text("triggerEvent");
		return switch (trigger) {
			case "BOOKING_CREATED" -> booking(root, body, trigger, Type.CREATED);
			case "BOOKING_RESCHEDULED" -> booking(root, body, trigger, Type.RESCHEDULED);
			case "BOOKING_CANCELLED" -> booking(root, body, trigger, Type.CANCELLED);
			case "BOOKING_NO_SHOW_UPDATED" -> noShow(root, body, trigger);
			case "MEETING_ENDED" -> meetingEnded(root, body, trigger);
			default -> List.of();
		};
	}

	private List<BookingEvent> booking(JsonFields root, byte[] body, String trigger, Type type) {
		JsonFields payload = root.object("payload");
		String uid = payload.text("uid");
		Instant createdAt = root.optionalInstant("createdAt").orElse(null);
		String delivery = deliveryId(trigger, uid, createdAt, body);
		Instant startsAt = payload.optionalInstant("startTime").orElse(null);
		Instant endsAt = payload.optionalInstant("endTime").orElse(null);
		String eventTitle = payload.optionalText("eventTitle").orElse(null);
		String slug = payload.optionalText("type").orElse(null);
		String service = (eventTitle != null) ? eventTitle : slug;
		String procedure = procedures.procedureFor(slug, eventTitle);
		String previousUid = (type == Type.RESCHEDULED) ? payload.optionalText("rescheduleUid").orElse(null) : null;
		List<JsonFields> people = payload.objects("attendees");
		List<BookingEvent> events = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			JsonFields attendee = people.get(i);
			String email = Attendees.email(attendee.text("email"), attendee.path("email"));
			// The booking form's phone answers belong to the booker, attendees[0].
			String phone = attendee.optionalText("phoneNumber").orElse((i == 0) ? bookerPhone(payload) : null);
			ContactDetails details = attendees.details(name(attendee), email, phone,
					loose(attendee.node().get("timeZone")), loose(attendee.node().path("language").get("locale")));
			BookingEvent.Booking booking = new BookingEvent.Booking(uid + "/" + email, startsAt, endsAt, service,
					procedure, (previousUid != null) ? previousUid + "/" + email : null, false);
			events.add(new BookingEvent(delivery + "|" + email, type, createdAt, booking, Attendees.key(SOURCE, email),
					details, null));
		}
		return events;
	}

	/**
	 * Carries only the booking uid and the attendees whose mark changed: the contact is
	 * the one we recorded for that booking, or a new one known by the e-mail alone.
	 */
	private List<BookingEvent> noShow(JsonFields root, byte[] body, String trigger) {
		JsonFields payload = root.object("payload");
		String uid = payload.text("bookingUid");
		Instant createdAt = root.optionalInstant("createdAt").orElse(null);
		String delivery = deliveryId(trigger, uid, createdAt, body);
		List<BookingEvent> events = new ArrayList<>();
		for (JsonFields attendee : payload.objects("attendees")) {
			String email = Attendees.email(attendee.text("email"), attendee.path("email"));
			boolean noShow = attendee.optionalBoolean("noShow")
				.orElseThrow(() -> new InvalidInput(attendee.path("noShow"), attendee.path("noShow") + " is required"));
			String bookingId = uid + "/" + email;
			Optional<BookingRepository.Stored> stored = bookings.find(SOURCE, bookingId);
			String contactKey = stored.map(BookingRepository.Stored::contactKey).orElse(Attendees.key(SOURCE, email));
			ContactDetails details = stored.isPresent() ? ContactDetails.empty()
					: attendees.details(null, email, null, null, null);
			events.add(new BookingEvent(delivery + "|" + email, noShow ? Type.NO_SHOW : Type.NO_SHOW_REVERTED,
					createdAt, new BookingEvent.Booking(bookingId, null, null, null), contactKey, details, null));
		}
		return events;
	}

	/**
	 * Sent flat (the booking's columns at the root) by older Cal.com and wrapped in
	 * {@code payload} by newer; a timer at the booking's end, not proof of attendance.
	 */
	private List<BookingEvent> meetingEnded(JsonFields root, byte[] body, String trigger) {
		JsonFields booking = root.has("payload") ? root.object("payload") : root;
		String uid = booking.optionalText("uid")
			.or(() -> booking.optionalText("bookingUid"))
			.orElseThrow(() -> new InvalidInput(booking.path("uid"), booking.path("uid") + " is required"));
		Instant endsAt = booking.optionalInstant("endTime").orElse(null);
		Instant createdAt = root.optionalInstant("createdAt").orElse(endsAt);
		String delivery = deliveryId(trigger, uid, createdAt, body);
		List<BookingEvent> events = new ArrayList<>();
		for (BookingRepository.Stored stored : bookings.findByPrefix(SOURCE, uid + "/")) {
			events.add(new BookingEvent(delivery + "|" + stored.externalId(), Type.ENDED, createdAt,
					new BookingEvent.Booking(stored.externalId(), null, endsAt, null, null, null, false),
					stored.contactKey(), ContactDetails.empty(), null));
		}
		if (events.isEmpty() && booking.has("attendees")) {
			for (BookingEvent event : booking(wrap(root, booking), body, trigger, Type.ENDED)) {
				events.add(event);
			}
		}
		return events;
	}

	private static JsonFields wrap(JsonFields root, JsonFields booking) {
		if (booking != root) {
			return root;
		}
		ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
		wrapped.set("payload", root.node());
		return JsonFields.of(wrapped);
	}

	private static String deliveryId(String trigger, String uid, Instant createdAt, byte[] body) {
		return trigger + "|" + uid + "|" + ((createdAt != null) ? createdAt : "sha256:" + Signatures.sha256Hex(body));
	}

	private static String name(JsonFields attendee) {
		Optional<String> name = attendee.optionalText("name");
		if (name.isPresent()) {
			return name.get();
		}
		String first = loose(attendee.node().get("firstName"));
		String last = loose(attendee.node().get("lastName"));
		if (first == null || last == null) {
			return (first != null) ? first : last;
		}
		return first + " " + last;
	}

	private static String bookerPhone(JsonFields payload) {
		String answer = loose(payload.node().path("responses").path("attendeePhoneNumber").get("value"));
		return (answer != null) ? answer : loose(payload.node().get("smsReminderNumber"));
	}

	/** An optional enrichment: its text when it is one, else null. */
	private static String loose(JsonNode node) {
		return (node != null && node.isString() && !node.stringValue().isBlank()) ? node.stringValue().trim() : null;
	}

}
