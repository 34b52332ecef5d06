package com.oshun.nurture.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The steps that are due, worked in batches. Implemented by the enrollment module; driven
 * by {@link StepPoller} on the system clock and by {@link ClockAdvancer} on the simulated
 * one.
 */
public interface DueSteps {

	/**
	 * Claim up to {@code limit} due steps, compose and deliver them on
	 * {@code deliveries}, and record what became of them.
	 * @return how many steps were claimed (0: nothing is due)
	 */
	int runBatch(int limit, Executor deliveries);

	/** Extend the leases of the steps this node is working on. */
	void renewLeases();

	/** When the next step falls due or a lease runs out. */
	Optional<Instant> nextDue();

}
