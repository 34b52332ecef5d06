package com.oshun.nurture.preferences;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvidenceTests {

	@Test
	void confidenceRisesWithEachMatchingSignal() {
		Evidence evidence = Evidence.first("19");
		assertThat(evidence.confidence()).isCloseTo(2.0 / 3, within(1e-9));

		Evidence twice = evidence.observe("19", true);
		Evidence thrice = twice.observe("19", true);

		assertThat(twice.confidence()).isCloseTo(0.75, within(1e-9));
		assertThat(thrice.confidence()).isCloseTo(0.8, within(1e-9));
		assertThat(thrice.count()).isEqualTo(3);
	}

	@Test
	void contrarySignalsLowerItAndEventuallyChangeTheValue() {
		Evidence evidence = Evidence.first("19").observe("19", true);

		Evidence doubted = evidence.observe("9", false);
		assertThat(doubted.value()).isEqualTo("19");
		assertThat(doubted.confidence()).isLessThan(evidence.confidence());

		Evidence switched = doubted.observe("9", false).observe("9", false);
		assertThat(switched.value()).isEqualTo("9");
		assertThat(switched.confidence()).isLessThan(0.5);
	}

}
