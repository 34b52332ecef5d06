package com.oshun.nurture.preferences;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a preference acts (and the timeline calls it learned): confident enough and on at
 * least two signals, never on one.
 */
class LearningRuleTests {

	private final Learning learning = new Learning(null,
			new LearningSettings(0.6, Duration.ofHours(48), Duration.ofDays(25)), Clock.systemUTC());

	@Test
	void oneSignalNeverActsHoweverLowTheThreshold() {
		Evidence one = Evidence.first("ignores");

		assertThat(one.confidence()).isGreaterThan(0.6);
		assertThat(learning.acts(one.confidence(), one.count())).isFalse();
		assertThat(learning
			.acts(new Preference("content_affinity.offer", "ignores", one.confidence(), one.count(), Instant.EPOCH)))
			.isFalse();
	}

	@Test
	void confidenceRisesWithEachMatchingSignalAndTheSecondActs() {
		Evidence one = Evidence.first("19");
		Evidence two = one.observe("19", true);
		Evidence three = two.observe("19", true);

		assertThat(two.confidence()).isGreaterThan(one.confidence());
		assertThat(three.confidence()).isGreaterThan(two.confidence());
		assertThat(two.confidence()).isEqualTo(0.75);
		assertThat(learning.acts(two.confidence(), two.count())).isTrue();
	}

	@Test
	void aContrarySignalTakesItBelowActing() {
		Evidence doubted = Evidence.first("high").observe("low", false);

		assertThat(doubted.confidence()).isEqualTo(0.5);
		assertThat(learning.acts(doubted.confidence(), doubted.count())).isFalse();
	}

}
