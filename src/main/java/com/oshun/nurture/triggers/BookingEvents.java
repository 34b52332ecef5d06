package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.ContactRepository.Mark;
import com.oshun.nurture.enrollment.Enroller;
import com.oshun.nurture.enrollment.Enrollment;
import com.oshun.nurture.sequence.SequenceKey;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a booking event. One transaction records the event id (the dedupe), upserts the
 * contact and the booking, and enrolls or ends enrollments with their jobs.
 */
@Service
public class BookingEvents {

	/** What a delivery came to. */
	public enum Result {

		ACCEPTED, DUPLICATE, IGNORED

	}

	private final WebhookEventLog events;

	private final ContactRepository contacts;

	private final BookingRepository bookings;

	private final TriggerLog triggers;

	private final Enroller enroller;

	private final NurtureSettings settings;

	private final Clock clock;

	BookingEvents(WebhookEventLog events, ContactRepository contacts, BookingRepository bookings, TriggerLog triggers,
			Enroller enroller, NurtureSettings settings, Clock clock) {
		this.events = events;
		this.contacts = contacts;
		this.bookings = bookings;
		this.triggers = triggers;
		this.enroller = enroller;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public Result apply(String source, BookingEvent event) {
		if (!events.first(source, event.id(), event.type().wireName())) {
			return Result.DUPLICATE;
		}
		Contact contact = contacts.upsert(event.contactKey(), event.contact());
		if (event.booking().procedure() != null && event.type() != BookingEvent.Type.CANCELLED) {
			contacts.setProcedureInterest(contact.id(), event.booking().procedure(), null);
		}
		String outcome = switch (event.type()) {
			case CREATED -> booked(source, event, contact, "booked");
			case RESCHEDULED -> booked(source, event, contact, "rescheduled");
			case NO_SHOW -> noShow(source, event, contact);
			case CANCELLED -> {
				bookings.record(source, event.booking(), contact.id(), "cancelled");
				yield "recorded";
			}
			case COMPLETED -> completed(source, event, contact);
		};
		triggers.record(contact.id(), event.type().wireName(), source, event.id(), outcome);
		return Result.ACCEPTED;
	}

	/**
	 * A booking (or a moved one) ends every live enrollment and settles the warm-lead and
	 * lapse marks.
	 */
	private String booked(String source, BookingEvent event, Contact contact, String reason) {
		bookings.record(source, event.booking(), contact.id(), "booked");
		contacts.mark(contact.id(), Mark.WARM_LEAD, null, null);
		contacts.mark(contact.id(), Mark.REBOOK_DUE, null, null);
		return enroller.endLive(contact.id(), reason)
			.map(Enrollment::sequence)
			.map(sequence -> "ended " + sequence + " enrollment")
			.orElse("no live enrollment");
	}

	private String noShow(String source, BookingEvent event, Contact contact) {
		bookings.record(source, event.booking(), contact.id(), "no_show");
		contacts.mark(contact.id(), Mark.NO_SHOW, occurredAt(event), "no_show");
		return enroller.enroll(contact.id(), SequenceKey.NO_SHOW).detail();
	}

	private String completed(String source, BookingEvent event, Contact contact) {
		bookings.record(source, event.booking(), contact.id(), "completed");
		if (event.carePlan() == null || !event.carePlan().completed()) {
			return "visit recorded";
		}
		String procedure = (event.booking().procedure() != null) ? event.booking().procedure()
				: contact.procedureInterest();
		int days = (event.carePlan().rebookWithinDays() != null) ? event.carePlan().rebookWithinDays()
				: settings.rebookWindowDays(procedure);
		Instant completedAt = occurredAt(event);
		Instant due = completedAt.plus(Duration.ofDays(days));
		contacts.recordCarePlan(contact.id(), procedure, completedAt, due);
		return "care plan completed; rebook expected within " + days + " days";
	}

	private Instant occurredAt(BookingEvent event) {
		return (event.occurredAt() != null) ? event.occurredAt() : clock.instant();
	}

}
