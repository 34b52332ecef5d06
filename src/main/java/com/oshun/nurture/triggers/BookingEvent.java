package com.oshun.nurture.triggers;

import java.time.Instant;

import com.oshun.nurture.contact.ContactDetails;

/**
 * A booking-system event in the engine's own terms; every booking adapter maps onto it.
 */
public record BookingEvent(String id, Type type, Instant occurredAt, Booking booking, String contactKey,
		ContactDetails contact, CarePlan carePlan) {

	public enum Type {

		CREATED("booking.created", true), NO_SHOW("booking.noShow", true), CANCELLED("booking.cancelled", true),
		RESCHEDULED("booking.rescheduled", true), COMPLETED("booking.completed", true),
		/**
		 * A no-show mark taken back (Cal.com {@code noShow:false}, Calendly's delete).
		 */
		NO_SHOW_REVERTED("booking.noShowReverted", false),
		/** The booking was moved: the new one arrives as its own event. */
		SUPERSEDED("booking.superseded", false),
		/** The appointment's time is over; it becomes a visit after the grace period. */
		ENDED("booking.ended", false);

		private final String wireName;

		private final boolean ownFormat;

		Type(String wireName, boolean ownFormat) {
			this.wireName = wireName;
			this.ownFormat = ownFormat;
		}

		public String wireName() {
			return wireName;
		}

		/** A type of our own webhook format (CONTRACT.md), or null. */
		static Type find(String wireName) {
			for (Type type : values()) {
				if (type.ownFormat && type.wireName.equals(wireName)) {
					return type;
				}
			}
			return null;
		}

	}

	/**
	 * The booking as its system names it. {@code previousId} is the booking this one
	 * replaces; {@code completesAtEnd} says the visit counts as completed once it has
	 * ended (plus the grace period) unless a no-show arrives, as for Calendly, which
	 * sends nothing when an appointment ends.
	 */
	public record Booking(String id, Instant startsAt, Instant endsAt, String service, String procedure,
			String previousId, boolean completesAtEnd) {

		public Booking(String id, Instant startsAt, String service, String procedure) {
			this(id, startsAt, null, service, procedure, null, false);
		}

	}

	public record CarePlan(boolean completed, Integer rebookWithinDays) {
	}

}
