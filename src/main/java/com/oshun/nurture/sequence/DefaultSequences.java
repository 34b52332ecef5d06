package com.oshun.nurture.sequence;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.oshun.nurture.NurtureSettings;

/**
 * The sequences a clinic starts with (PRODUCT.md section 2); the triggered ones hold out
 * {@code nurture.holdout.default-percent} of their enrollments, the drip none. Written as
 * version 1 on first start; later versions come through the admin API.
 */
final class DefaultSequences {

	private static final LocalTime TEN_AM = LocalTime.of(10, 0);

	private DefaultSequences() {
	}

	static List<SequenceDefinition> all(NurtureSettings settings, HoldoutSettings holdout) {
		int percent = holdout.defaultPercent();
		return List.of(warmLead(percent), noShow(percent), lapsed(percent), drip(settings.drip().months()));
	}

	static SequenceDefinition warmLead(int holdoutPercent) {
		return new SequenceDefinition(SequenceKey.WARM_LEAD, 1, "helpful, unhurried", TEN_AM,
				"Gentle re-entry over two weeks for a lead who went quiet", holdoutPercent,
				List.of(StepDefinition.onDay(1, "info", 1), StepDefinition.onDay(2, "social_proof", 3),
						StepDefinition.onDay(3, "offer", 7), StepDefinition.onDay(4, "education", 10),
						StepDefinition.onDay(5, "nudge", 14)));
	}

	static SequenceDefinition noShow(int holdoutPercent) {
		return new SequenceDefinition(SequenceKey.NO_SHOW, 1, "direct, warm, never guilt", TEN_AM,
				"Faster, more direct follow-up after a missed appointment", holdoutPercent,
				List.of(StepDefinition.after(1, "reschedule", Duration.ofHours(2)),
						StepDefinition.onDay(2, "availability", 2), StepDefinition.onDay(3, "reassure", 4),
						StepDefinition.onDay(4, "nudge", 7)));
	}

	static SequenceDefinition lapsed(int holdoutPercent) {
		return new SequenceDefinition(SequenceKey.LAPSED, 1, "warm, acknowledges the relationship", TEN_AM,
				"We miss you: a past patient past their rebook window", holdoutPercent,
				List.of(StepDefinition.onDay(1, "we_miss_you", 1), StepDefinition.onDay(2, "maintenance", 5),
						StepDefinition.onDay(3, "returning_offer", 12), StepDefinition.onDay(4, "check_in", 20)));
	}

	/**
	 * One message a month, the first 30 days after enrollment, for {@code months} months.
	 */
	static SequenceDefinition drip(int months) {
		if (months < 3) {
			throw new IllegalArgumentException("nurture.drip.months must be at least 3, was " + months);
		}
		List<StepDefinition> steps = new ArrayList<>();
		for (int month = 1; month <= months; month++) {
			steps.add(StepDefinition.onDay(month, "drip", 1 + 30 * month));
		}
		return new SequenceDefinition(SequenceKey.DRIP, 1, "thoughtful, never pushy", TEN_AM,
				"Long-term, low-pressure monthly touch after a sequence ended without a booking", 0, steps);
	}

}
