package com.oshun.nurture.admin;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.StepVariant;

/**
 * A version of a sequence as {@code GET /api/sequences/{key}} answers it, and as
 * {@code PUT} takes it back: {@code sendAt} in the {@code HH:mm} the PUT reads; the
 * read-only {@code key}, {@code version}, {@code versions}, {@code objectives} and each
 * step's {@code stepNo} may come back unchanged.
 */
record SequenceView(String key, int version, List<Integer> versions, String tone, String sendAt, String description,
		int holdoutPercent, List<StepView> steps, List<String> objectives) {

	private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

	/** A step; {@code variants} is empty for a step without variants. */
	record StepView(int stepNo, String objective, Integer day, Duration delay, List<StepVariant> variants) {
	}

	static SequenceView of(SequenceDefinition d, List<Integer> versions) {
		return new SequenceView(d.key().key(), d.version(), versions, d.tone(), HOUR_MINUTE.format(d.sendAt()),
				d.description(), d.holdoutPercent(),
				d.steps()
					.stream()
					.map(s -> new StepView(s.stepNo(), s.objective(), s.day(), s.delay(), s.variants()))
					.toList(),
				SequenceInput.OBJECTIVES.get(d.key()));
	}

}
