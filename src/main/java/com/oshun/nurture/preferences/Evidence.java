package com.oshun.nurture.preferences;

/**
 * The evidence behind a preference and the confidence it earns: the mean of a Beta(1 +
 * matching, 1 + contrary) posterior, so one matching signal gives 0.67, two 0.75, three
 * 0.8, and each contrary signal pulls it down. When contrary signals outnumber matching
 * ones the preference takes the new value and starts over with the old support as its
 * doubt.
 */
public record Evidence(String value, int matching, int contrary) {

	public double confidence() {
		return (matching + 1.0) / (matching + contrary + 2.0);
	}

	public int count() {
		return matching + contrary;
	}

	/** First sighting of a value. */
	public static Evidence first(String value) {
		return new Evidence(value, 1, 0);
	}

	/**
	 * A signal that agrees or disagrees with the current value; {@code observed} is what
	 * it pointed at.
	 */
	public Evidence observe(String observed, boolean agrees) {
		if (agrees) {
			return new Evidence(value, matching + 1, contrary);
		}
		Evidence weakened = new Evidence(value, matching, contrary + 1);
		return (weakened.contrary > weakened.matching) ? new Evidence(observed, 1, weakened.matching) : weakened;
	}

}
