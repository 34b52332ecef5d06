package com.oshun.nurture.scheduling;

import java.time.Instant;
import java.util.Optional;

/**
 * Runs one due step. Implemented by the enrollment module; called by the
 * {@code send-step} task.
 */
public interface StepHandler {

	/**
	 * Run the step.
	 * @return a later time when the step must wait (a frequency cap, a paused
	 * conversation), else empty when the step is done with
	 */
	Optional<Instant> run(StepJob job);

}
