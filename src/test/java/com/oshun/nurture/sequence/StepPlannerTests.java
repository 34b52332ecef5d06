package com.oshun.nurture.sequence;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

import com.oshun.nurture.scheduling.QuietHours;
import com.oshun.nurture.sequence.StepPlanner.PlannedStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepPlannerTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private final StepPlanner planner = new StepPlanner(new QuietHours(LocalTime.of(9, 0), LocalTime.of(20, 0),
			EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY))));

	@Test
	void dayStepsLandOnTheSequenceHourInTheContactsZoneAcrossADaylightSavingChange() {
		// Enrolled Thursday 5 March 2026; US clocks spring forward on Sunday 8 March.
		Instant start = ZonedDateTime.of(2026, 3, 5, 15, 0, 0, 0, NEW_YORK).toInstant();

		List<PlannedStep> plan = planner.plan(DefaultSequences.warmLead(10), start, NEW_YORK, null);

		assertThat(plan).extracting(step -> step.dueAt().atZone(NEW_YORK).toLocalTime())
			.containsExactly(LocalTime.of(15, 0), LocalTime.of(10, 0), LocalTime.of(10, 0), LocalTime.of(10, 0),
					LocalTime.of(10, 0));
		assertThat(plan).extracting(step -> step.dueAt().atZone(NEW_YORK).toLocalDate().getDayOfMonth())
			.containsExactly(5, 7, 11, 14, 18);
		assertThat(Duration.between(plan.get(1).dueAt(), plan.get(2).dueAt())).isEqualTo(Duration.ofHours(4 * 24 - 1));
	}

	@Test
	void aDelayedStepThatFallsInTheNightMovesToTheMorning() {
		Instant start = ZonedDateTime.of(2026, 1, 6, 19, 0, 0, 0, NEW_YORK).toInstant();

		List<PlannedStep> plan = planner.plan(DefaultSequences.noShow(10), start, NEW_YORK, null);

		assertThat(plan.get(0).dueAt()).isEqualTo(ZonedDateTime.of(2026, 1, 7, 9, 0, 0, 0, NEW_YORK).toInstant());
		assertThat(plan.get(1).dueAt()).isEqualTo(ZonedDateTime.of(2026, 1, 7, 10, 0, 0, 0, NEW_YORK).toInstant());
	}

	@Test
	void aStepPushedByQuietHoursNeverOvertakesTheNextOne() {
		// Saturday 21:00: the +2 h step and the day-2 step both wait for Monday morning.
		Instant start = ZonedDateTime.of(2026, 1, 10, 21, 0, 0, 0, NEW_YORK).toInstant();

		List<PlannedStep> plan = planner.plan(DefaultSequences.noShow(10), start, NEW_YORK, null);

		assertThat(plan).extracting(PlannedStep::dueAt).isSorted();
		assertThat(plan.get(0).dueAt().atZone(NEW_YORK).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
	}

	@Test
	void aLearnedHourReplacesTheSequenceHour() {
		Instant start = ZonedDateTime.of(2026, 1, 5, 8, 0, 0, 0, NEW_YORK).toInstant();

		List<PlannedStep> plan = planner.plan(DefaultSequences.lapsed(10), start, NEW_YORK, LocalTime.of(19, 0));

		assertThat(plan).extracting(step -> step.dueAt().atZone(NEW_YORK).toLocalTime())
			.containsOnly(LocalTime.of(19, 0));
	}

	@Test
	void theDripSendsMonthlyForAtLeastThreeMonths() {
		SequenceDefinition drip = DefaultSequences.drip(6);

		assertThat(drip.steps()).extracting(StepDefinition::day).containsExactly(31, 61, 91, 121, 151, 181);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> DefaultSequences.drip(2))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
