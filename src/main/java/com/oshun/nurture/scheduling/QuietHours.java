package com.oshun.nurture.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The local hours and weekdays in which a contact may be messaged, evaluated in the
 * contact's own time zone. {@code ZonedDateTime.of} moves a time that falls into a DST
 * gap forward, so a step never lands on a local time that does not exist.
 */
public record QuietHours(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

	public QuietHours {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("quiet-hours start must be before end");
		}
		if (days.isEmpty()) {
			throw new IllegalArgumentException("quiet-hours must allow at least one day");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	/** The earliest allowed moment at or after {@code time}, in the same zone. */
	public ZonedDateTime nextAllowed(ZonedDateTime time) {
		for (int offset = 0; offset <= 7; offset++) {
			LocalDate date = time.toLocalDate().plusDays(offset);
			if (!days.contains(date.getDayOfWeek())) {
				continue;
			}
			ZonedDateTime open = ZonedDateTime.of(date, start, time.getZone());
			if (offset > 0 || time.isBefore(open)) {
				return open;
			}
			if (time.isBefore(ZonedDateTime.of(date, end, time.getZone()))) {
				return time;
			}
		}
		throw new IllegalStateException("no allowed day in " + days);
	}

	public boolean allows(ZonedDateTime time) {
		return nextAllowed(time).equals(time);
	}

}
