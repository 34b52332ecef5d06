package com.oshun.nurture.sequence;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A version of a sequence. Enrollments keep the version they started on.
 */
public record SequenceDefinition(SequenceKey key, int version, String tone, LocalTime sendAt, String description,
		List<StepDefinition> steps) {

	public SequenceDefinition {
		steps = List.copyOf(steps);
	}

	public StepDefinition step(int stepNo) {
		return steps.stream()
			.filter(step -> step.stepNo() == stepNo)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(key + " v" + version + " has no step " + stepNo));
	}

	/** Whether {@code other} defines the same sequence, whatever its version. */
	public boolean sameContentAs(SequenceDefinition other) {
		return key == other.key && Objects.equals(tone, other.tone) && Objects.equals(sendAt, other.sendAt)
				&& Objects.equals(description, other.description) && steps.equals(other.steps);
	}

}
