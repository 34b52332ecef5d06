package com.oshun.nurture.sequence;

import java.time.LocalTime;
import java.util.List;

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

	public int lastStepNo() {
		return steps.get(steps.size() - 1).stepNo();
	}

}
