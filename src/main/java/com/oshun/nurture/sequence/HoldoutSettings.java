package com.oshun.nurture.sequence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.holdout}: the seed that, with a contact and a sequence, draws the arm of
 * an enrollment (so the same seed draws the same arms), and the share the triggered
 * sequences hold out in the version written on first start.
 */
@ConfigurationProperties("nurture.holdout")
public record HoldoutSettings(String seed, int defaultPercent) {

	public HoldoutSettings {
		if (seed == null || seed.isBlank()) {
			throw new IllegalArgumentException("nurture.holdout.seed must not be blank");
		}
		if (defaultPercent < 0 || defaultPercent > SequenceDefinition.MAX_HOLDOUT_PERCENT) {
			throw new IllegalArgumentException("nurture.holdout.default-percent must be from 0 to "
					+ SequenceDefinition.MAX_HOLDOUT_PERCENT + ", was " + defaultPercent);
		}
	}

}
