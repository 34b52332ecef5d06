package com.oshun.nurture.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The intervals against the worked examples Newcombe published: Wilson's score interval
 * (method 3 of Newcombe, Statistics in Medicine 17:857-872, 1998, Table I) and the hybrid
 * score interval for a difference (method 10 of Newcombe, Statistics in Medicine
 * 17:873-890, 1998, Table II), both to the four decimals printed there.
 */
class IntervalTests {

	private static final double PRINTED = 0.00005;

	@Test
	void wilsonMatchesNewcombesSingleProportionExamples() {
		assertInterval(Interval.wilson(81, 263), 0.2553, 0.3662);
		assertInterval(Interval.wilson(15, 148), 0.0624, 0.1605);
		assertInterval(Interval.wilson(0, 20), 0.0000, 0.1611);
		assertInterval(Interval.wilson(1, 29), 0.0061, 0.1718);
	}

	@Test
	void newcombeMatchesTheWorkedExamplesOfMethodTen() {
		assertInterval(Interval.newcombe(56, 70, 48, 80), 0.0524, 0.3339);
		assertInterval(Interval.newcombe(9, 10, 3, 10), 0.1705, 0.8090);
		assertInterval(Interval.newcombe(6, 7, 2, 7), 0.0582, 0.8062);
		assertInterval(Interval.newcombe(5, 56, 0, 29), -0.0381, 0.1926);
		assertInterval(Interval.newcombe(0, 10, 0, 20), -0.1611, 0.2775);
		assertInterval(Interval.newcombe(0, 10, 0, 10), -0.2775, 0.2775);
		assertInterval(Interval.newcombe(10, 10, 0, 20), 0.6791, 1.0000);
	}

	@Test
	void staysInsideTheRangeAtTheEdges() {
		assertThat(Interval.wilson(0, 1).lower()).isZero();
		assertThat(Interval.wilson(5, 5).upper()).isEqualTo(1.0);
		Interval all = Interval.newcombe(10, 10, 0, 10);
		assertThat(all.lower()).isGreaterThan(0).isLessThan(1);
		assertThat(all.upper()).isEqualTo(1.0);
	}

	@Test
	void refusesCountsThatAreNotAProportion() {
		assertThatIllegalArgumentException().isThrownBy(() -> Interval.wilson(1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Interval.wilson(3, 2));
	}

	private static void assertInterval(Interval interval, double lower, double upper) {
		assertThat(interval.lower()).as("lower").isCloseTo(lower, within(PRINTED));
		assertThat(interval.upper()).as("upper").isCloseTo(upper, within(PRINTED));
	}

}
