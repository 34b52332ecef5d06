package com.oshun.nurture.triggers;

import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.web.JsonFields;

/**
 * Reads our own booking webhook format (CONTRACT.md), naming the field at fault.
 */
final class BookingEventParser {

	private BookingEventParser() {
	}

	/**
	 * The event, or null when its type is not one we handle. A phone that is not a valid
	 * number is refused (400 naming {@code contact.phone}): the sender is the clinic's
	 * own system, which can fix it and send again.
	 */
	static BookingEvent parse(JsonFields json, Phones phones) {
		String id = json.text("id");
		String type = json.text("type");
		BookingEvent.Type known = BookingEvent.Type.find(type);
		if (known == null) {
			return null;
		}
		JsonFields booking = json.object("booking");
		JsonFields contact = json.object("contact");
		BookingEvent.CarePlan carePlan = json.optionalObject("carePlan")
			.map(plan -> new BookingEvent.CarePlan(plan.optionalBoolean("completed").orElse(false),
					plan.optionalInt("rebookWithinDays", 1, 3650).orElse(null)))
			.orElse(null);
		return new BookingEvent(id, known, json.optionalInstant("occurredAt").orElse(null),
				new BookingEvent.Booking(booking.text("id"), booking.optionalInstant("startsAt").orElse(null),
						booking.optionalText("service").orElse(null),
						booking.optionalText("procedure").map(String::toLowerCase).orElse(null)),
				contact.text("externalId"), ContactFields.read(contact, phones), carePlan);
	}

}
