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
 * Applies a booking event: upserts the contact and the booking, and enrolls or ends
 * enrollments with their jobs, in one transaction that also marks the event's id applied
 * (the dedupe). The booking webhooks reach it through the {@link WebhookInbox}, whose
 * store recorded the id ({@link #applyStored}); Chatwoot, the simulation and visit
 * completions apply at once ({@link #apply}). An event older than the one that last set
 * the booking's status (deliveries arrive out of order) only fills in details.
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
		applyNew(source, event, clock.instant());
		return Result.ACCEPTED;
	}

	/**
	 * Apply an event stored in the inbox at {@code receivedAt} (its dedupe recorded
	 * then), in the inbox worker's transaction.
	 */
	@Transactional
	Result applyStored(String source, BookingEvent event, Instant receivedAt) {
		if (!events.applied(source, event.id())) {
			return Result.DUPLICATE;
		}
		applyNew(source, event, receivedAt);
		return Result.ACCEPTED;
	}

	private void applyNew(String source, BookingEvent event, Instant receivedAt) {
		BookingEvent.Type type = event.type();
		// The booking's procedure, when it brings one, is the contact's interest now: set
		// by the upsert's own statement.
		boolean interest = type != BookingEvent.Type.CANCELLED && type != BookingEvent.Type.SUPERSEDED;
		Contact contact = contacts.upsert(event.contactKey(),
				interest ? event.contact().withProcedureInterest(event.booking().procedure()) : event.contact());
		Instant at = (event.occurredAt() != null) ? event.occurredAt() : receivedAt;
		String outcome;
		if (type == BookingEvent.Type.ENDED) {
			outcome = ended(source, event, contact, at);
		}
		else {
			// One statement records the booking and says whether a newer event had set
			// its status: then the row keeps that status, and nothing else changes.
			BookingRepository.Recorded recorded = bookings.recordEvent(source, event.booking(), contact.id(),
					status(type), at, (type != BookingEvent.Type.COMPLETED) ? completesAfter(event.booking()) : null);
			if (recorded.late()) {
				outcome = outOfOrder(source, event, contact, recorded);
			}
			else {
				outcome = switch (type) {
					case CREATED -> booked(source, event, contact, at, "booked");
					case RESCHEDULED -> booked(source, event, contact, at, "rescheduled");
					case NO_SHOW -> noShow(contact, at);
					case NO_SHOW_REVERTED -> noShowReverted(contact);
					case CANCELLED -> "recorded";
					case SUPERSEDED -> "replaced by another booking";
					case COMPLETED -> completed(event, contact, at);
					case ENDED -> throw new IllegalStateException("handled above");
				};
			}
		}
		triggers.record(contact.id(), type.wireName(), source, event.id(), outcome);
	}

	/** The status an event gives its booking. */
	private static String status(BookingEvent.Type type) {
		return switch (type) {
			case CREATED, RESCHEDULED, NO_SHOW_REVERTED -> "booked";
			case NO_SHOW -> "no_show";
			case CANCELLED -> "cancelled";
			case SUPERSEDED -> "rescheduled";
			case COMPLETED -> "completed";
			case ENDED -> null;
		};
	}

	/**
	 * A newer event already set this booking's status (a no-show before its creation, a
	 * reschedule before the create): keep what it brings, change nothing else.
	 */
	private String outOfOrder(String source, BookingEvent event, Contact contact, BookingRepository.Recorded recorded) {
		Instant completesAfter = completesAfter(event.booking());
		if (event.type() == BookingEvent.Type.COMPLETED && completesAfter != null) {
			// A completion records no completion time of its own; a late one still brings
			// the booking's.
			bookings.record(source, event.booking(), contact.id(), null, null, completesAfter);
		}
		return "arrived after a newer event; booking stays " + recorded.status() + ", details recorded";
	}

	/**
	 * A booking (or a moved one) ends every live enrollment and settles the warm-lead and
	 * lapse marks.
	 */
	private String booked(String source, BookingEvent event, Contact contact, Instant at, String reason) {
		BookingEvent.Booking booking = event.booking();
		if (booking.previousId() != null) {
			bookings.record(source, new BookingEvent.Booking(booking.previousId(), null, null, null), contact.id(),
					"rescheduled", at, null);
		}
		contacts.clear(contact.id(), Mark.WARM_LEAD, Mark.REBOOK_DUE);
		return enroller.endLive(contact.id(), reason)
			.map(Enrollment::sequence)
			.map(sequence -> "ended " + sequence + " enrollment")
			.orElse("no live enrollment");
	}

	private String noShow(Contact contact, Instant at) {
		contacts.mark(contact.id(), Mark.NO_SHOW, at, "no_show");
		return enroller.enroll(contact.id(), SequenceKey.NO_SHOW).detail();
	}

	/**
	 * The patient came after all: the booking counts again (and becomes a visit once it
	 * ends), and the no-show sequence ends unless a message of it already went out.
	 */
	private String noShowReverted(Contact contact) {
		contacts.mark(contact.id(), Mark.NO_SHOW, null, null);
		return enroller.endUnsent(contact.id(), SequenceKey.NO_SHOW, "no-show unmarked");
	}

	/** The appointment's time is over: it counts as a visit after the grace period. */
	private String ended(String source, BookingEvent event, Contact contact, Instant at) {
		Instant end = (event.booking().endsAt() != null) ? event.booking().endsAt() : at;
		bookings.record(source, event.booking(), contact.id(), null, null, end.plus(grace()));
		return "appointment ended; counts as a visit after " + grace() + " unless marked a no-show";
	}

	private String completed(BookingEvent event, Contact contact, Instant at) {
		if (event.carePlan() == null || !event.carePlan().completed()) {
			return "visit recorded";
		}
		String procedure = (event.booking().procedure() != null) ? event.booking().procedure()
				: contact.procedureInterest();
		int days = (event.carePlan().rebookWithinDays() != null) ? event.carePlan().rebookWithinDays()
				: settings.rebookWindowDays(procedure);
		Instant completedAt = (event.booking().endsAt() != null) ? event.booking().endsAt() : at;
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

}
