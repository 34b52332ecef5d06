package com.oshun.nurture.sequence;

import java.time.Duration;
import java.util.List;

/**
 * One touch of a sequence: its content objective and when it is due, either on a calendar
 * day ({@code day} 1 is the day of enrollment) or after a delay from enrollment
 * ({@code PT2H}). A step under test has up to three {@code variants}; the first is the
 * control variant the others are compared with.
 */
public record StepDefinition(int stepNo, String objective, Integer day, Duration delay, List<StepVariant> variants) {

	/** The most variants a step may have. */
	public static final int MAX_VARIANTS = 3;

	/** The names of the variants, in order. */
	public static final List<String> VARIANT_NAMES = List.of("a", "b", "c");

	public StepDefinition {
		if ((day == null) == (delay == null)) {
			throw new IllegalArgumentException("step " + stepNo + " needs exactly one of day or delay");
		}
		variants = (variants != null) ? List.copyOf(variants) : List.of();
		if (variants.size() > MAX_VARIANTS) {
			throw new IllegalArgumentException("step " + stepNo + " has more than " + MAX_VARIANTS + " variants");
		}
	}

	public StepDefinition(int stepNo, String objective, Integer day, Duration delay) {
		this(stepNo, objective, day, delay, List.of());
	}

	public static StepDefinition onDay(int stepNo, String objective, int day) {
		return new StepDefinition(stepNo, objective, day, null);
	}

	public static StepDefinition after(int stepNo, String objective, Duration delay) {
		return new StepDefinition(stepNo, objective, null, delay);
	}

	/** This step with these variants. */
	public StepDefinition withVariants(List<StepVariant> variants) {
		return new StepDefinition(stepNo, objective, day, delay, variants);
	}

	/** The variant named {@code name}, if this step has it. */
	public java.util.Optional<StepVariant> variant(String name) {
		return variants.stream().filter(variant -> variant.name().equals(name)).findFirst();
	}

	/** The objective a contact drawn into {@code variant} (or none) is sent. */
	public String objectiveOf(String variant) {
		return variant(variant).map(StepVariant::objective).orElse(objective);
	}

}
