package com.oshun.nurture.sequence;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of a sequence. Enrollments keep the version they started on.
 * {@code holdoutPercent} (0 to 50) of its enrollments are the control arm, sent nothing.
 */
public record SequenceDefinition(SequenceKey key, int version, String tone, LocalTime sendAt, String description,
		int holdoutPercent, List<StepDefinition> steps) {

	/** The largest share of enrollments a sequence may hold out. */
	public static final int MAX_HOLDOUT_PERCENT = 50;

	public SequenceDefinition {
		if (holdoutPercent < 0 || holdoutPercent > MAX_HOLDOUT_PERCENT) {
			throw new IllegalArgumentException(
					"holdoutPercent must be from 0 to " + MAX_HOLDOUT_PERCENT + ", was " + holdoutPercent);
		}
		steps = List.copyOf(steps);
	}

	public StepDefinition step(int stepNo) {
		return steps.stream()
			.filter(step -> step.stepNo() == stepNo)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(key + " v" + version + " has no step " + stepNo));
	}

	/**
	 * This version as a contact drawn into {@code variant} of step {@code stepNo} is sent
	 * it: that step's objective, and the sequence's tone unless the variant has its own.
	 * Without such a variant, this version as it is.
	 */
	public SequenceDefinition asVariant(int stepNo, String variant) {
		Optional<StepVariant> chosen = step(stepNo).variant(variant);
		if (chosen.isEmpty()) {
			return this;
		}
		List<StepDefinition> worded = steps.stream()
			.map(step -> (step.stepNo() == stepNo)
					? new StepDefinition(stepNo, chosen.get().objective(), step.day(), step.delay(), step.variants())
					: step)
			.toList();
		String variantTone = (chosen.get().tone() != null) ? chosen.get().tone() : tone;
		return new SequenceDefinition(key, version, variantTone, sendAt, description, holdoutPercent, worded);
	}

	/** Whether {@code other} defines the same sequence, whatever its version. */
	public boolean sameContentAs(SequenceDefinition other) {
		return key == other.key && Objects.equals(tone, other.tone) && Objects.equals(sendAt, other.sendAt)
				&& Objects.equals(description, other.description) && holdoutPercent == other.holdoutPercent
				&& steps.equals(other.steps);
	}

}
