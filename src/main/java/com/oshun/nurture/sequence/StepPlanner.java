package com.oshun.nurture.sequence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import com.oshun.nurture.scheduling.QuietHours;

/**
 * The one place a step's due time is computed: day offset, then the contact's local date,
 * then the learned hour or the sequence's hour, then quiet hours in the contact's zone.
 */
public final class StepPlanner {

	private final QuietHours quietHours;

	public StepPlanner(QuietHours quietHours) {
		this.quietHours = quietHours;
	}

	/**
	 * A step of an enrollment and when it is due; {@code variant} is the variant of the
	 * step the contact is sent (null for a step without variants, and for the control).
	 */
	public record PlannedStep(StepDefinition step, Instant dueAt, String variant) {

		public PlannedStep(StepDefinition step, Instant dueAt) {
			this(step, dueAt, null);
		}

		public PlannedStep withVariant(String variant) {
			return new PlannedStep(step, dueAt, variant);
		}

		/** The objective this step is planned with: its variant's, or its own. */
		public String objective() {
			return step.objectiveOf(variant);
		}

	}

	/**
	 * Plan every step of {@code sequence} for an enrollment starting at {@code start}.
	 */
	public List<PlannedStep> plan(SequenceDefinition sequence, Instant start, ZoneId zone, LocalTime preferredHour) {
		List<PlannedStep> planned = new ArrayList<>();
		Instant previous = start;
		for (StepDefinition step : sequence.steps()) {
			Instant due = dueAt(step, sequence.sendAt(), start, zone, preferredHour);
			// Quiet hours can push an early step past a later one; keep the order of the
			// sequence.
			if (due.isBefore(previous)) {
				due = previous;
			}
			planned.add(new PlannedStep(step, due));
			previous = due;
		}
		return planned;
	}

	public Instant dueAt(StepDefinition step, LocalTime sendAt, Instant start, ZoneId zone, LocalTime preferredHour) {
		ZonedDateTime candidate;
		if (step.delay() != null) {
			candidate = start.plus(step.delay()).atZone(zone);
		}
		else {
			LocalDate date = start.atZone(zone).toLocalDate().plusDays(step.day() - 1L);
			candidate = ZonedDateTime.of(date, (preferredHour != null) ? preferredHour : sendAt, zone);
			if (candidate.toInstant().isBefore(start)) {
				candidate = start.atZone(zone);
			}
		}
		return allowed(candidate.toInstant(), zone);
	}

	/**
	 * The earliest moment at or after {@code time} that quiet hours allow in
	 * {@code zone}.
	 */
	public Instant allowed(Instant time, ZoneId zone) {
		return quietHours.nextAllowed(time.atZone(zone)).toInstant();
	}

}
