package com.oshun.nurture.scheduling;

import java.time.Instant;

/**
 * One step of an enrollment as a durable job. The instance id
 * {@code <enrollmentId>/<stepNo>} is deterministic, so scheduling twice is harmless and a
 * contact's jobs can be deleted by id.
 */
public record StepJob(long enrollmentId, int stepNo, Instant dueAt) {

	public String instanceId() {
		return instanceId(enrollmentId, stepNo);
	}

	public static String instanceId(long enrollmentId, int stepNo) {
		return enrollmentId + "/" + stepNo;
	}

	static StepJob parse(String instanceId, Instant dueAt) {
		int slash = instanceId.indexOf('/');
		return new StepJob(Long.parseLong(instanceId.substring(0, slash)),
				Integer.parseInt(instanceId.substring(slash + 1)), dueAt);
	}

}
