package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * contact and the booking, and enrolls or ends enrollments with their jobs. An event
 * older than the one that last set the booking's status (deliveries arrive out of order)
 * only fills in details.
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
		BookingEvent.Type type = event.type();
		// The booking's procedure, when it brings one, is the contact's interest now: set
		// by the upsert's own statement.
		boolean interest = type != BookingEvent.Type.CANCELLED && type != BookingEvent.Type.SUPERSEDED;
		Contact contact = contacts.upsert(event.contactKey(),
				interest ? event.contact().withProcedureInterest(event.booking().procedure()) : event.contact());
		Instant at = occurredAt(event);
		Optional<BookingRepository.Stored> stored = bookings.find(source, event.booking().id());
		String outcome;
		if (stored.isPresent() && stored.get().newerThan(at) && type != BookingEvent.Type.ENDED) {
			outcome = outOfOrder(source, event, contact, stored.get());
		}
		else {
			outcome = switch (type) {
				case CREATED -> booked(source, event, contact, "booked");
				case RESCHEDULED -> booked(source, event, contact, "rescheduled");
				case NO_SHOW -> noShow(source, event, contact);
				case NO_SHOW_REVERTED -> noShowReverted(source, event, contact);
				case CANCELLED -> record(source, event, contact, "cancelled", "recorded");
				case SUPERSEDED -> record(source, event, contact, "rescheduled", "replaced by another booking");
				case ENDED -> ended(source, event, contact);
				case COMPLETED -> completed(source, event, contact);
			};
		}
		triggers.record(contact.id(), type.wireName(), source, event.id(), outcome);
		return Result.ACCEPTED;
	}

	/**
	 * Apply the events one delivery brings (one per attendee) in one transaction:
	 * accepted if any was new, a duplicate if none was.
	 */
	@Transactional
	public Result applyAll(String source, List<BookingEvent> delivery) {
		if (delivery.isEmpty()) {
			return Result.IGNORED;
		}
		Result result = Result.DUPLICATE;
		for (BookingEvent event : delivery) {
			if (apply(source, event) == Result.ACCEPTED) {
				result = Result.ACCEPTED;
			}
		}
		return result;
	}

	/**
	 * A newer event already set this booking's status (a no-show before its creation, a
	 * reschedule before the create): keep what it brings, change nothing else.
	 */
	private String outOfOrder(String source, BookingEvent event, Contact contact, BookingRepository.Stored stored) {
		bookings.record(source, event.booking(), contact.id(), null, null, completesAfter(event.booking()));
		return "arrived after a newer event; booking stays " + stored.status() + ", details recorded";
	}

	/**
	 * A booking (or a moved one) ends every live enrollment and settles the warm-lead and
	 * lapse marks.
	 */
	private String booked(String source, BookingEvent event, Contact contact, String reason) {
		BookingEvent.Booking booking = event.booking();
		bookings.record(source, booking, contact.id(), "booked", occurredAt(event), completesAfter(booking));
		if (booking.previousId() != null) {
			bookings.record(source, new BookingEvent.Booking(booking.previousId(), null, null, null), contact.id(),
					"rescheduled", occurredAt(event), null);
		}
		contacts.clear(contact.id(), Mark.WARM_LEAD, Mark.REBOOK_DUE);
		return enroller.endLive(contact.id(), reason)
			.map(Enrollment::sequence)
			.map(sequence -> "ended " + sequence + " enrollment")
			.orElse("no live enrollment");
	}

	private String record(String source, BookingEvent event, Contact contact, String status, String outcome) {
		bookings.record(source, event.booking(), contact.id(), status, occurredAt(event),
				completesAfter(event.booking()));
		return outcome;
	}

	private String noShow(String source, BookingEvent event, Contact contact) {
		bookings.record(source, event.booking(), contact.id(), "no_show", occurredAt(event),
				completesAfter(event.booking()));
		contacts.mark(contact.id(), Mark.NO_SHOW, occurredAt(event), "no_show");
		return enroller.enroll(contact.id(), SequenceKey.NO_SHOW).detail();
	}

	/**
	 * The patient came after all: the booking counts again (and becomes a visit once it
	 * ends), and the no-show sequence ends unless a message of it already went out.
	 */
	private String noShowReverted(String source, BookingEvent event, Contact contact) {
		bookings.record(source, event.booking(), contact.id(), "booked", occurredAt(event),
				completesAfter(event.booking()));
		contacts.mark(contact.id(), Mark.NO_SHOW, null, null);
		return enroller.endUnsent(contact.id(), SequenceKey.NO_SHOW, "no-show unmarked");
	}

	/** The appointment's time is over: it counts as a visit after the grace period. */
	private String ended(String source, BookingEvent event, Contact contact) {
		Instant end = (event.booking().endsAt() != null) ? event.booking().endsAt() : occurredAt(event);
		bookings.record(source, event.booking(), contact.id(), null, null, end.plus(grace()));
		return "appointment ended; counts as a visit after " + grace() + " unless marked a no-show";
	}

	private String completed(String source, BookingEvent event, Contact contact) {
		bookings.record(source, event.booking(), contact.id(), "completed", occurredAt(event), null);
		if (event.carePlan() == null || !event.carePlan().completed()) {
			return "visit recorded";
		}
		String procedure = (event.booking().procedure() != null) ? event.booking().procedure()
				: contact.procedureInterest();
		int days = (event.carePlan().rebookWithinDays() != null) ? event.carePlan().rebookWithinDays()
				: settings.rebookWindowDays(procedure);
		Instant completedAt = (event.booking().endsAt() != null) ? event.booking().endsAt() : occurredAt(event);
		Instant due = completedAt.plus(Duration.ofDays(days));
		contacts.recordCarePlan(contact.id(), procedure, completedAt, due);
		return "care plan completed; rebook expected within " + days + " days";
	}

	/** When a booking that completes at its end counts as a visit, or null. */
	private Instant completesAfter(BookingEvent.Booking booking) {
		return (booking.completesAtEnd() && booking.endsAt() != null) ? booking.endsAt().plus(grace()) : null;
	}

	private Duration grace() {
		return settings.booking().completionGrace();
	}

	private Instant occurredAt(BookingEvent event) {
		return (event.occurredAt() != null) ? event.occurredAt() : clock.instant();
	}

}
