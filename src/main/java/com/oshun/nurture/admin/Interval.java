package com.oshun.nurture.admin;

/**
 * A 95 % confidence interval from score methods that behave at the small counts a clinic
 * has: Wilson's for one proportion, and Newcombe's hybrid score interval for the
 * difference of two independent proportions (method 10 of Newcombe, "Interval estimation
 * for the difference between independent proportions", Statistics in Medicine 17, 1998),
 * which combines the two Wilson intervals. Neither breaks at 0 or at n, unlike the Wald
 * interval.
 */
public record Interval(double lower, double upper) {

	/** The standard normal quantile for a two-sided 95 % interval. */
	static final double Z = 1.959963984540054;

	/** Wilson's score interval for {@code x} successes in {@code n}. */
	public static Interval wilson(long x, long n) {
		if (n <= 0 || x < 0 || x > n) {
			throw new IllegalArgumentException("need 0 <= x <= n and n > 0, was " + x + "/" + n);
		}
		double p = (double) x / n;
		double z2 = Z * Z;
		double centre = p + z2 / (2 * n);
		double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		double denominator = 1 + z2 / n;
		double lower = (x == 0) ? 0 : (centre - spread) / denominator;
		double upper = (x == n) ? 1 : (centre + spread) / denominator;
		return new Interval(lower, upper);
	}

	/** Newcombe's interval for {@code x1/n1 - x2/n2}. */
	public static Interval newcombe(long x1, long n1, long x2, long n2) {
		double p1 = (double) x1 / n1;
		double p2 = (double) x2 / n2;
		Interval one = wilson(x1, n1);
		Interval two = wilson(x2, n2);
		double difference = p1 - p2;
		double lower = difference - Math.sqrt(square(p1 - one.lower) + square(two.upper - p2));
		double upper = difference + Math.sqrt(square(one.upper - p1) + square(p2 - two.lower));
		return new Interval(lower, upper);
	}

	/** Both ends times {@code factor} (a share as percentage points: 100). */
	public Interval times(double factor) {
		return new Interval(lower * factor, upper * factor);
	}

	public boolean above(double value) {
		return lower > value;
	}

	public boolean below(double value) {
		return upper < value;
	}

	private static double square(double value) {
		return value * value;
	}

}
