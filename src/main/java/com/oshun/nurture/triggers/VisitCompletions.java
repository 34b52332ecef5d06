package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.scheduling.RecurringCheck;

import org.springframework.stereotype.Component;

/**
 * Turns booked appointments into visits once they have ended and the grace period has
 * passed with no no-show (Cal.com after {@code MEETING_ENDED}, Calendly at the end time).
 * The visit completes the care plan with the procedure's rebook window, which feeds the
 * lapsed-patient check.
 * <p>
 * A recurring check rather than a one-time job per booking: a no-show, cancellation or
 * reschedule then needs no job to cancel (it changes the status the query reads), and an
 * hour's latency on a grace period of hours does not matter.
 */
@Component
class VisitCompletions implements RecurringCheck {

	private static final int BATCH = 500;

	private final BookingRepository bookings;

	private final BookingEvents events;

	private final Clock clock;

	VisitCompletions(BookingRepository bookings, BookingEvents events, Clock clock) {
		this.bookings = bookings;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "visit-completion-check";
	}

	@Override
	public void run() {
		Instant now = clock.instant();
		List<BookingRepository.Stored> due = bookings.dueForCompletion(now, BATCH);
		for (BookingRepository.Stored booking : due) {
			complete(booking, now);
		}
	}

	/** One transaction per visit, deduplicated like a webhook delivery. */
	private void complete(BookingRepository.Stored stored, Instant now) {
		Instant at = (stored.eventAt() != null && stored.eventAt().isAfter(now)) ? stored.eventAt() : now;
		BookingEvent.Booking booking = new BookingEvent.Booking(stored.externalId(), stored.startsAt(), stored.endsAt(),
				stored.service(), stored.procedure(), null, false);
		events.apply(stored.source(),
				new BookingEvent("visit|" + stored.externalId() + "|" + stored.completesAfter(),
						BookingEvent.Type.COMPLETED, at, booking, stored.contactKey(), ContactDetails.empty(),
						new BookingEvent.CarePlan(true, null)));
	}

}
