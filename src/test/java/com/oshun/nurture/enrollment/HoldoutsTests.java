package com.oshun.nurture.enrollment;

import java.util.stream.IntStream;

import com.oshun.nurture.enrollment.Enrollment.Arm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first draw of an arm: random across contacts in the share asked for, the same for
 * the same seed, sequence and contact, and independent between seeds and sequences. (That
 * a contact keeps its arm once drawn is HoldoutIntegrationTests'.) The first draw of a
 * step's variant likewise (VariantIntegrationTests has its stickiness).
 */
class HoldoutsTests {

	@Test
	void holdsOutTheShareAskedForAcrossContacts() {
		long control = controlCount("seed-1", "no_show", 10, 10_000);

		// Binomial(10000, 0.1): sd 30, so 4 sd either side.
		assertThat(control).isBetween(880L, 1120L);
		assertThat(controlCount("seed-1", "no_show", 50, 10_000)).isBetween(4800L, 5200L);
		assertThat(controlCount("seed-1", "no_show", 0, 1000)).isZero();
	}

	@Test
	void theSameSeedDrawsTheSameArms() {
		for (int i = 0; i < 1000; i++) {
			assertThat(Holdouts.draw("seed-1", "no_show", "c_" + i, 10))
				.isEqualTo(Holdouts.draw("seed-1", "no_show", "c_" + i, 10));
		}
	}

	@Test
	void anotherSeedOrSequenceDrawsOtherArms() {
		long differ = IntStream.range(0, 1000)
			.filter(i -> Holdouts.draw("seed-1", "no_show", "c_" + i, 50) != Holdouts.draw("seed-2", "no_show",
					"c_" + i, 50))
			.count();
		long differBySequence = IntStream.range(0, 1000)
			.filter(i -> Holdouts.draw("seed-1", "no_show", "c_" + i, 50) != Holdouts.draw("seed-1", "lapsed", "c_" + i,
					50))
			.count();

		assertThat(differ).isBetween(420L, 580L);
		assertThat(differBySequence).isBetween(420L, 580L);
	}

	@Test
	void uniformDrawsCoverTheUnitInterval() {
		double[] draws = IntStream.range(0, 10_000).mapToDouble(i -> Holdouts.uniform("s", "drip", "k" + i)).toArray();

		assertThat(java.util.Arrays.stream(draws).min().orElseThrow()).isGreaterThanOrEqualTo(0);
		assertThat(java.util.Arrays.stream(draws).max().orElseThrow()).isLessThan(1);
		long lowHalf = java.util.Arrays.stream(draws).filter(u -> u < 0.5).count();
		assertThat(lowHalf).isBetween(4800L, 5200L);
	}

	@Test
	void variantsAreDrawnEquallyAcrossContacts() {
		int[] drawn = new int[3];
		IntStream.range(0, 9000).forEach(i -> drawn[Holdouts.drawVariant("seed-1", "no_show", 1, "c_" + i, 3)]++);
		int[] halves = new int[2];
		IntStream.range(0, 1000).forEach(i -> halves[Holdouts.drawVariant("seed-1", "no_show", 1, "c_" + i, 2)]++);

		// Binomial(9000, 1/3): sd about 45, so 4 sd either side.
		assertThat(java.util.Arrays.stream(drawn).boxed().toList())
			.allSatisfy(count -> assertThat(count).isBetween(2820, 3180));
		assertThat(halves[0]).isBetween(420, 580);
	}

	@Test
	void theSameSeedDrawsTheSameVariants() {
		for (int i = 0; i < 1000; i++) {
			assertThat(Holdouts.drawVariant("seed-1", "no_show", 2, "c_" + i, 3))
				.isEqualTo(Holdouts.drawVariant("seed-1", "no_show", 2, "c_" + i, 3));
		}
	}

	@Test
	void eachStepAndSeedDrawsItsOwnVariantIndependentlyOfTheArm() {
		long otherStep = IntStream.range(0, 1000)
			.filter(i -> Holdouts.drawVariant("seed-1", "no_show", 1, "c_" + i, 2) != Holdouts.drawVariant("seed-1",
					"no_show", 2, "c_" + i, 2))
			.count();
		long otherSeed = IntStream.range(0, 1000)
			.filter(i -> Holdouts.drawVariant("seed-1", "no_show", 1, "c_" + i, 2) != Holdouts.drawVariant("seed-2",
					"no_show", 1, "c_" + i, 2))
			.count();
		// the variant does not follow the arm's draw
		long followsArm = IntStream.range(0, 1000)
			.filter(i -> (Holdouts.drawVariant("seed-1", "no_show", 1, "c_" + i, 2) == 0) == (Holdouts.draw("seed-1",
					"no_show", "c_" + i, 50) == Arm.CONTROL))
			.count();

		assertThat(otherStep).isBetween(420L, 580L);
		assertThat(otherSeed).isBetween(420L, 580L);
		assertThat(followsArm).isBetween(420L, 580L);
	}

	private static long controlCount(String seed, String sequence, int percent, int contacts) {
		return IntStream.range(0, contacts)
			.filter(i -> Holdouts.draw(seed, sequence, "c_" + i, percent) == Arm.CONTROL)
			.count();
	}

}
