package com.oshun.nurture.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Nurture did for a sequence: the booked rate of its treatment arm (sent the
 * messages) against its control arm (sent nothing), their difference in percentage points
 * with Newcombe's 95 % interval, bookings per 100 enrolled caused by Nurture with the
 * same interval, and a plain verdict. Below {@link #MIN_PER_ARM} enrollments in either
 * arm the verdict is {@code not enough data}, whatever the numbers say; otherwise an
 * interval wholly above zero {@code likely helps}, wholly below {@code likely hurts}, and
 * one across zero is {@code no clear effect}.
 */
public record Lift(long treatmentEnrolled, long treatmentBooked, long controlEnrolled, long controlBooked,
		Double differencePoints, Interval interval, String verdict) {

	/** The fewest enrollments each arm needs before a verdict other than "not enough". */
	public static final int MIN_PER_ARM = 30;

	public static final String NOT_ENOUGH_DATA = "not enough data";

	public static final String LIKELY_HELPS = "likely helps";

	public static final String NO_CLEAR_EFFECT = "no clear effect";

	public static final String LIKELY_HURTS = "likely hurts";

	/**
	 * The lift of {@code treatmentBooked / treatmentEnrolled} over
	 * {@code controlBooked / controlEnrolled}; with an empty arm there is no difference
	 * to show.
	 */
	public static Lift of(long treatmentEnrolled, long treatmentBooked, long controlEnrolled, long controlBooked) {
		if (treatmentEnrolled == 0 || controlEnrolled == 0) {
			return new Lift(treatmentEnrolled, treatmentBooked, controlEnrolled, controlBooked, null, null,
					NOT_ENOUGH_DATA);
		}
		double difference = 100.0 * treatmentBooked / treatmentEnrolled - 100.0 * controlBooked / controlEnrolled;
		Interval interval = Interval.newcombe(treatmentBooked, treatmentEnrolled, controlBooked, controlEnrolled)
			.times(100);
		return new Lift(treatmentEnrolled, treatmentBooked, controlEnrolled, controlBooked, difference, interval,
				verdict(treatmentEnrolled, controlEnrolled, interval));
	}

	static String verdict(long treatmentEnrolled, long controlEnrolled, Interval points) {
		if (treatmentEnrolled < MIN_PER_ARM || controlEnrolled < MIN_PER_ARM) {
			return NOT_ENOUGH_DATA;
		}
		if (points.above(0)) {
			return LIKELY_HELPS;
		}
		if (points.below(0)) {
			return LIKELY_HURTS;
		}
		return NO_CLEAR_EFFECT;
	}

	/** The booked rate of an arm, in percent; null for an empty arm. */
	static Double percent(long booked, long enrolled) {
		return (enrolled == 0) ? null : round(100.0 * booked / enrolled);
	}

	/** The lift as the funnel answers it. */
	public Map<String, Object> view() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("treatment", arm(treatmentEnrolled, treatmentBooked));
		view.put("control", arm(controlEnrolled, controlBooked));
		view.put("differencePoints", (differencePoints != null) ? round(differencePoints) : null);
		view.put("interval", (interval != null) ? bounds(interval) : null);
		// Bookings per 100 enrolled caused by Nurture: the same difference, read as a
		// count.
		view.put("bookingsPer100", (differencePoints != null) ? round(differencePoints) : null);
		view.put("bookingsPer100Interval", (interval != null) ? bounds(interval) : null);
		view.put("verdict", verdict);
		view.put("method", "Newcombe hybrid score (Wilson) 95% interval; at least " + MIN_PER_ARM
				+ " enrolled per arm for a verdict");
		return view;
	}

	private static Map<String, Object> arm(long enrolled, long booked) {
		Map<String, Object> arm = new LinkedHashMap<>();
		arm.put("enrolled", enrolled);
		arm.put("booked", booked);
		arm.put("bookedPercent", percent(booked, enrolled));
		if (enrolled > 0) {
			arm.put("interval", bounds(Interval.wilson(booked, enrolled).times(100)));
		}
		return arm;
	}

	/** An interval as the API shows it: lower and upper, rounded to two places. */
	static Map<String, Double> bounds(Interval interval) {
		Map<String, Double> bounds = new LinkedHashMap<>();
		bounds.put("lower", round(interval.lower()));
		bounds.put("upper", round(interval.upper()));
		return bounds;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
