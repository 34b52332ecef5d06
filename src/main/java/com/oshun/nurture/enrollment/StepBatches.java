package com.oshun.nurture.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.oshun.nurture.enrollment.StepClaim.Claimed;
import com.oshun.nurture.enrollment.StepDelivery.Outcome;
import com.oshun.nurture.scheduling.DueSteps;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due steps in batches, in three moves with two commits per batch: {@link StepClaim}
 * (one transaction), {@link StepDelivery} for each claimed step concurrently on the
 * delivery pool (no transaction), {@link StepRecord} (one transaction).
 * <p>
 * A step whose lease runs out (its node died, or its delivery asked to be retried then)
 * is claimed again as another attempt under the same marker, which the delivery
 * recognises; if its enrollment ended meanwhile it is finished only when an earlier
 * attempt went out. While a batch works, {@link #renewLeases} keeps its leases alive.
 */
@Component
class StepBatches implements DueSteps {

	private static final Logger log = LoggerFactory.getLogger(StepBatches.class);

	private final TransactionTemplate transaction;

	private final StepClaim claim;

	private final StepDelivery delivery;

	private final StepRecord record;

	private final MeterRegistry meters;

	/** The steps this node holds, by key: their leases are renewed while they work. */
	private final Map<String, HeldStep> working = new ConcurrentHashMap<>();

	StepBatches(TransactionTemplate transaction, StepClaim claim, StepDelivery delivery, StepRecord record,
			MeterRegistry meters) {
		this.transaction = transaction;
		this.claim = claim;
		this.delivery = delivery;
		this.record = record;
		this.meters = meters;
	}

	@Override
	public int runBatch(int limit, Executor deliveries) {
		List<Claimed> claimed = transaction.execute(status -> claim.claim(limit));
		if (claimed == null || claimed.isEmpty()) {
			return 0;
		}
		claimed.forEach(step -> working.put(step.held().key(), step.held()));
		try {
			List<Outcome> outcomes = deliver(claimed, deliveries);
			List<Outcome> sent = transaction.execute(status -> record.record(outcomes));
			sent.forEach(
					outcome -> meters.counter("nurture.messages.composed", "composer", outcome.message().composer())
						.increment());
		}
		finally {
			claimed.forEach(step -> working.remove(step.held().key()));
		}
		return claimed.size();
	}

	@Override
	public void renewLeases() {
		List<HeldStep> held = List.copyOf(working.values());
		if (!held.isEmpty()) {
			claim.renew(held);
		}
	}

	@Override
	public Optional<Instant> nextDue() {
		return claim.nextDue();
	}

	/**
	 * Compose and deliver every claimed step on the delivery pool; a step that throws is
	 * left in flight, and its lease brings it back.
	 */
	private List<Outcome> deliver(List<Claimed> claimed, Executor deliveries) {
		StepDelivery.Batch batch = delivery.batch(claimed);
		List<CompletableFuture<Outcome>> running = claimed.stream()
			.map(step -> CompletableFuture.supplyAsync(() -> delivery.deliver(step, batch), deliveries)
				.exceptionally(ex -> {
					failed(step, ex);
					return null;
				}))
			.toList();
		List<Outcome> outcomes = new ArrayList<>();
		running.forEach(future -> {
			Outcome outcome = future.join();
			if (outcome != null) {
				outcomes.add(outcome);
			}
		});
		return outcomes;
	}

	/**
	 * The failure's class at WARN; its message, which can carry patient data, at DEBUG.
	 */
	private static void failed(Claimed step, Throwable ex) {
		Throwable failure = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		log.warn("Step {} failed unexpectedly ({}); it is retried when its lease runs out", step.held().key(),
				failure.getClass().getName());
		log.debug("Step {} failed", step.held().key(), failure);
	}

}
