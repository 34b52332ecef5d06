package com.oshun.nurture.simulation;

/**
 * How synthetic contacts behave, per contact and per message they receive.
 *
 * <ul>
 * <li>{@code baselineRebook}: the share who book again on their own, with no message,
 * some day in the {@code baselineDays} after their trigger (uniformly), in either arm.
 * <li>{@code messageEffect}: the chance that one message of a triggered sequence (warm
 * lead, no-show, lapsed) brings a booking; {@code dripEffect} the same for a drip
 * message.
 * <li>{@code replyRate}: the chance a message is answered; {@code replyWithin24h} of the
 * answers come the same day, the rest one to three days later.
 * <li>{@code stopRate}: the chance a message is answered STOP.
 * </ul>
 *
 * {@link #PUBLISHED} is calibrated to published trials (docs/simulation.md names them).
 */
public record Behaviour(double baselineRebook, int baselineDays, double messageEffect, double dripEffect,
		double replyRate, double replyWithin24h, double stopRate) {

	/**
	 * About 15 % rebook within six weeks of a missed visit with no outreach; four no-show
	 * messages at 0.9 % each add about 3 points (Debinski et al. 2024: 18.9 % against
	 * 15.0 %); a drip message converts 1.5 % (Klaviyo's flows, 1-2 %); 70 % of replies
	 * within 24 h.
	 */
	public static final Behaviour PUBLISHED = new Behaviour(0.15, 42, 0.009, 0.015, 0.2, 0.7, 0.01);

	public Behaviour {
		probability("--baseline-rebook", baselineRebook);
		probability("--message-effect", messageEffect);
		probability("--drip-effect", dripEffect);
		probability("--reply-rate", replyRate);
		probability("--reply-within-24h", replyWithin24h);
		probability("--stop-rate", stopRate);
		if (baselineDays < 1 || baselineDays > 365) {
			throw new IllegalArgumentException("--baseline-days must be from 1 to 365");
		}
	}

	/**
	 * The booked share a sequence of {@code messages} messages should reach in the
	 * treatment arm when every message goes out unless the contact booked: one minus the
	 * chance that neither the contact's own rebooking nor any message brought a booking.
	 */
	public double treatmentBooked(int messages) {
		return 1 - (1 - baselineRebook) * Math.pow(1 - messageEffect, messages);
	}

	/** The lift in percentage points that {@link #treatmentBooked} implies. */
	public double expectedLiftPoints(int messages) {
		return 100 * (treatmentBooked(messages) - baselineRebook);
	}

	static void probability(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be from 0 to 1");
		}
	}

}
