package com.oshun.nurture.enrollment;

import java.time.Instant;

import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.web.RefusedTransition;

/**
 * A contact's run through one version of a sequence. At most one per contact is live
 * ({@code active} or {@code paused}); the database enforces it. An enrollment in the
 * {@code control} arm runs its timeline with nothing sent.
 */
public record Enrollment(long id, long contactId, SequenceKey sequence, int version, Status status, Arm arm,
		Instant startedAt, Instant pausedAt, Instant endedAt, String endReason) {

	/** Which arm of its sequence's holdout the enrollment was drawn into. */
	public enum Arm {

		TREATMENT, CONTROL;

		public String value() {
			return name().toLowerCase();
		}

		static Arm of(String value) {
			return valueOf(value.toUpperCase());
		}

	}

	public enum Status {

		ACTIVE, PAUSED, COMPLETED, ENDED;

		public String value() {
			return name().toLowerCase();
		}

		static Status of(String value) {
			return valueOf(value.toUpperCase());
		}

	}

	public boolean control() {
		return arm == Arm.CONTROL;
	}

	public boolean live() {
		return status == Status.ACTIVE || status == Status.PAUSED;
	}

	void requireActive(String action) {
		if (status != Status.ACTIVE) {
			throw new RefusedTransition("cannot " + action + " enrollment in state " + status.value());
		}
	}

	void requirePaused(String action) {
		if (status != Status.PAUSED) {
			throw new RefusedTransition("cannot " + action + " enrollment in state " + status.value());
		}
	}

	void requireLive(String action) {
		if (!live()) {
			throw new RefusedTransition("cannot " + action + " enrollment in state " + status.value());
		}
	}

}
