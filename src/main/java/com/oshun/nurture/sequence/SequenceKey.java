package com.oshun.nurture.sequence;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four sequences, strongest first: a stronger trigger replaces a weaker enrollment.
 */
public enum SequenceKey {

	NO_SHOW("no_show", 4), LAPSED("lapsed", 3), WARM_LEAD("warm_lead", 2), DRIP("drip", 1);

	private final String key;

	private final int priority;

	SequenceKey(String key, int priority) {
		this.key = key;
		this.priority = priority;
	}

	public String key() {
		return key;
	}

	public boolean outranks(SequenceKey other) {
		return priority > other.priority;
	}

	public static Optional<SequenceKey> find(String key) {
		return Arrays.stream(values()).filter(value -> value.key.equals(key)).findFirst();
	}

	public static SequenceKey of(String key) {
		return find(key).orElseThrow(() -> new IllegalArgumentException("unknown sequence " + key));
	}

	@Override
	public String toString() {
		return key;
	}

}
