package com.oshun.nurture.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final QuietHours hours = new QuietHours(LocalTime.of(9, 0), LocalTime.of(20, 0),
			EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY)));

	@Test
	void keepsATimeInsideTheAllowedHours() {
		ZonedDateTime tuesdayNoon = at("2026-01-06T12:00");

		assertThat(hours.nextAllowed(tuesdayNoon)).isEqualTo(tuesdayNoon);
	}

	@Test
	void movesAnEarlyTimeToTheOpeningOfThatDay() {
		assertThat(hours.nextAllowed(at("2026-01-06T06:30"))).isEqualTo(at("2026-01-06T09:00"));
	}

	@Test
	void movesALateSaturdayTimePastSundayToMonday() {
		assertThat(hours.nextAllowed(at("2026-01-10T20:00"))).isEqualTo(at("2026-01-12T09:00"));
		assertThat(hours.nextAllowed(at("2026-01-11T10:00"))).isEqualTo(at("2026-01-12T09:00"));
	}

	@Test
	void refusesHoursThatAllowNothing() {
		assertThatThrownBy(() -> new QuietHours(LocalTime.of(20, 0), LocalTime.of(9, 0), EnumSet.of(DayOfWeek.MONDAY)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> new QuietHours(LocalTime.of(9, 0), LocalTime.of(20, 0), EnumSet.noneOf(DayOfWeek.class)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static ZonedDateTime at(String local) {
		return LocalDateTime.parse(local).atZone(LONDON);
	}

}
