package com.oshun.nurture.enrollment;

import java.time.Instant;
import java.util.List;

/**
 * One planned step of an enrollment and what became of it; {@code variant} is the variant
 * of the step it is sent (null for a step without variants).
 */
public record StepRun(long enrollmentId, int stepNo, long contactId, String objective, Instant dueAt, Status status,
		String channel, String content, String composer, String reason, String deliveryMarker, Instant sentAt,
		String variant) {

	/**
	 * {@code scheduled} → {@code sending} → {@code sent} | {@code skipped} |
	 * {@code failed}; {@code scheduled} → {@code cancelled}. Stored as the lower-case
	 * name.
	 */
	public enum Status {

		SCHEDULED, SENDING, SENT, SKIPPED, CANCELLED, FAILED;

		public String value() {
			return name().toLowerCase();
		}

		static Status of(String value) {
			return valueOf(value.toUpperCase());
		}

		/** The statuses a step ends in, in the order reports list them. */
		public static List<Status> ended() {
			return List.of(SENT, SKIPPED, FAILED, CANCELLED);
		}

	}

	/** The marker that identifies this step's message wherever it is delivered. */
	public static String markerFor(long enrollmentId, int stepNo) {
		return "nurture:" + enrollmentId + "/" + stepNo;
	}

}
