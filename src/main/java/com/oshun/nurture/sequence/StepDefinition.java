package com.oshun.nurture.sequence;

import java.time.Duration;

/**
 * One touch of a sequence: its content objective and when it is due, either on a calendar
 * day ({@code day} 1 is the day of enrollment) or after a delay from enrollment
 * ({@code PT2H}).
 */
public record StepDefinition(int stepNo, String objective, Integer day, Duration delay) {

	public StepDefinition {
		if ((day == null) == (delay == null)) {
			throw new IllegalArgumentException("step " + stepNo + " needs exactly one of day or delay");
		}
	}

	public static StepDefinition onDay(int stepNo, String objective, int day) {
		return new StepDefinition(stepNo, objective, day, null);
	}

	public static StepDefinition after(int stepNo, String objective, Duration delay) {
		return new StepDefinition(stepNo, objective, null, delay);
	}

}
