package com.oshun.nurture.enrollment;

/**
 * A step a worker holds: its row, and the attempt this is. The attempt owns the lease: a
 * step claimed again is another attempt's, and only that one records it.
 */
record HeldStep(StepRun step, int attempt) {

	String key() {
		return key(step.enrollmentId(), step.stepNo());
	}

	/** A step's key, also in the logs: {@code <enrollment>/<step>}, no patient data. */
	static String key(long enrollmentId, int stepNo) {
		return enrollmentId + "/" + stepNo;
	}

}
