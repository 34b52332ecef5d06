package com.oshun.nurture.triggers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.triggers.BookingEvent.Type;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Maps a Calendly webhook (docs/booking-systems.md) onto a booking event. The booking is
 * the invitee ({@code payload.uri}); a reschedule is a cancellation with
 * {@code rescheduled: true} plus a creation naming the {@code old_invitee}, in either
 * order. Calendly sends nothing when an appointment ends, so a booking counts as a visit
 * once its end time and the grace period pass with no no-show.
 */
@Component
class CalendlyEvents implements BookingSource {

	static final String SOURCE = "calendly";

	private final BookingRepository bookings;

	private final ProcedureMapping procedures;

	private final Attendees attendees;

	CalendlyEvents(BookingRepository bookings, ProcedureMapping procedures, Attendees attendees) {
		this.bookings = bookings;
		this.procedures = procedures;
		this.attendees = attendees;
	}

	/** The event of a delivery, or none for events we do not act on. */
	@Override
	public List<BookingEvent> read(JsonFields root, byte[] body) {
		String event = root.text("event");
		return switch (event) {
			case "invitee.created" -> List.of(invitee(root, body, event, null));
			case "invitee.canceled" -> List.of(invitee(root, body, event, Type.CANCELLED));
			case "invitee_no_show.created" -> List.of(invitee(root, body, event, Type.NO_SHOW));
			case "invitee_no_show.deleted" -> List.of(invitee(root, body, event, Type.NO_SHOW_REVERTED));
			default -> List.of();
		};
	}

	private BookingEvent invitee(JsonFields root, byte[] body, String event, Type given) {
		JsonFields payload = root.object("payload");
		String uri = payload.text("uri");
		Instant occurredAt = root.optionalInstant("created_at")
			.or(() -> payload.optionalInstant("updated_at"))
			.orElse(null);
		String delivery = event + "|" + uri + "|"
				+ ((occurredAt != null) ? occurredAt : "sha256:" + Signatures.sha256Hex(body));
		String previous = payload.optionalText("old_invitee").orElse(null);
		Type type = given;
		if (type == null) {
			type = (previous != null) ? Type.RESCHEDULED : Type.CREATED;
		}
		else if (type == Type.CANCELLED && payload.optionalBoolean("rescheduled").orElse(false)) {
			type = Type.SUPERSEDED;
		}
		JsonFields scheduled = payload.optionalObject("scheduled_event").orElse(null);
		String service = (scheduled != null) ? scheduled.optionalText("name").orElse(null) : null;
		BookingEvent.Booking booking = new BookingEvent.Booking(uri,
				(scheduled != null) ? scheduled.optionalInstant("start_time").orElse(null) : null,
				(scheduled != null) ? scheduled.optionalInstant("end_time").orElse(null) : null, service,
				procedures.procedureFor(service), previous, true);
		return new BookingEvent(delivery, type, occurredAt, booking, contactKey(payload, uri), details(payload), null);
	}

	/**
	 * The invitee's e-mail names the contact; a no-show delivery without one falls back
	 * to the contact recorded for the invitee.
	 */
	private String contactKey(JsonFields payload, String uri) {
		Optional<String> email = payload.optionalText("email");
		if (email.isPresent()) {
			return Attendees.key(SOURCE, Attendees.email(email.get(), payload.path("email")));
		}
		return bookings.find(SOURCE, uri)
			.map(BookingRepository.Stored::contactKey)
			.orElseThrow(() -> new InvalidInput(payload.path("email"), payload.path("email") + " is required"));
	}

	private ContactDetails details(JsonFields payload) {
		String email = payload.optionalText("email")
			.map(text -> Attendees.email(text, payload.path("email")))
			.orElse(null);
		if (email == null) {
			return ContactDetails.empty();
		}
		return attendees.details(name(payload), email, phone(payload), loose(payload.node().get("timezone")), null);
	}

	private static String name(JsonFields payload) {
		String name = loose(payload.node().get("name"));
		if (name != null) {
			return name;
		}
		String first = loose(payload.node().get("first_name"));
		String last = loose(payload.node().get("last_name"));
		if (first == null || last == null) {
			return (first != null) ? first : last;
		}
		return first + " " + last;
	}

	/** The SMS reminder number, else the answer to a question about a phone. */
	private String phone(JsonFields payload) {
		String reminder = attendees.phone(loose(payload.node().get("text_reminder_number")));
		if (reminder != null) {
			return reminder;
		}
		JsonNode answers = payload.node().get("questions_and_answers");
		if (answers != null && answers.isArray()) {
			for (JsonNode answer : answers) {
				String question = loose(answer.get("question"));
				if (question != null && question.toLowerCase().matches(".*(phone|whatsapp|telefone|tel[eé]fono).*")) {
					String phone = attendees.phone(loose(answer.get("answer")));
					if (phone != null) {
						return phone;
					}
				}
			}
		}
		return null;
	}

	private static String loose(JsonNode node) {
		return (node != null && node.isString() && !node.stringValue().isBlank()) ? node.stringValue().trim() : null;
	}

}
