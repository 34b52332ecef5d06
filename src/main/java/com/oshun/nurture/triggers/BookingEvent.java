package com.oshun.nurture.triggers;

import java.time.Instant;

import com.oshun.nurture.contact.ContactDetails;

/**
 * A booking-system event in the engine's own terms; every booking adapter maps onto it.
 */
public record BookingEvent(String id, Type type, Instant occurredAt, Booking booking, String contactKey,
		ContactDetails contact, CarePlan carePlan) {

	public enum Type {

		CREATED("booking.created"), NO_SHOW("booking.noShow"), CANCELLED("booking.cancelled"),
		RESCHEDULED("booking.rescheduled"), COMPLETED("booking.completed");

		private final String wireName;

		Type(String wireName) {
			this.wireName = wireName;
		}

		public String wireName() {
			return wireName;
		}

		static Type find(String wireName) {
			for (Type type : values()) {
				if (type.wireName.equals(wireName)) {
					return type;
				}
			}
			return null;
		}

	}

	public record Booking(String id, Instant startsAt, String service, String procedure) {
	}

	public record CarePlan(boolean completed, Integer rebookWithinDays) {
	}

}
