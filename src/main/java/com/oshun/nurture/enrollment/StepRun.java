package com.oshun.nurture.enrollment;

import java.time.Instant;

/**
 * One planned step of an enrollment and what became of it.
 */
public record StepRun(long enrollmentId, int stepNo, long contactId, String objective, Instant dueAt, String status,
		String channel, String content, String composer, String reason, String deliveryMarker, Instant sentAt) {

	public static final String SCHEDULED = "scheduled";

	public static final String SENDING = "sending";

	public static final String SENT = "sent";

	public static final String SKIPPED = "skipped";

	public static final String CANCELLED = "cancelled";

	public static final String FAILED = "failed";

	/** The marker that identifies this step's message wherever it is delivered. */
	public static String markerFor(long enrollmentId, int stepNo) {
		return "nurture:" + enrollmentId + "/" + stepNo;
	}

}
