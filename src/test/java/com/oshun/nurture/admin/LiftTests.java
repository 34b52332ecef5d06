package com.oshun.nurture.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiftTests {

	@Test
	void anArmBelowTheMinimumIsNotEnoughDataWhateverTheNumbers() {
		assertThat(Lift.of(200, 100, 29, 0).verdict()).isEqualTo(Lift.NOT_ENOUGH_DATA);
		assertThat(Lift.of(29, 29, 200, 0).verdict()).isEqualTo(Lift.NOT_ENOUGH_DATA);
		assertThat(Lift.of(100, 10, 0, 0).verdict()).isEqualTo(Lift.NOT_ENOUGH_DATA);
		assertThat(Lift.of(100, 10, 0, 0).differencePoints()).isNull();
	}

	@Test
	void anIntervalAboveZeroLikelyHelps() {
		Lift lift = Lift.of(900, 171, 100, 5);

		assertThat(lift.differencePoints()).isCloseTo(14.0, within(1e-9));
		assertThat(lift.interval().lower()).isPositive();
		assertThat(lift.verdict()).isEqualTo(Lift.LIKELY_HELPS);
	}

	@Test
	void anIntervalAcrossZeroIsNoClearEffect() {
		// Debinski et al. 2024 in a clinic's numbers: 18.9 % against 15.0 %, 10 % held
		// out.
		Lift lift = Lift.of(900, 170, 100, 15);

		assertThat(lift.interval().lower()).isNegative();
		assertThat(lift.interval().upper()).isPositive();
		assertThat(lift.verdict()).isEqualTo(Lift.NO_CLEAR_EFFECT);
	}

	@Test
	void anIntervalBelowZeroLikelyHurts() {
		assertThat(Lift.of(500, 25, 500, 75).verdict()).isEqualTo(Lift.LIKELY_HURTS);
	}

	@Test
	void bookingsPer100AreTheDifferenceWithTheSameInterval() {
		var view = Lift.of(400, 80, 100, 12).view();

		assertThat(view.get("bookingsPer100")).isEqualTo(8.0);
		assertThat(view.get("bookingsPer100Interval")).isEqualTo(view.get("interval"));
	}

}
