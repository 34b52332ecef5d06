package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.compose.ComposedMessage;
import com.oshun.nurture.compose.ContextBuilder;
import com.oshun.nurture.compose.MessageComposer;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.delivery.DeliveryResult;
import com.oshun.nurture.delivery.MessageDelivery;
import com.oshun.nurture.delivery.OutboundMessage;
import com.oshun.nurture.enrollment.StepQueue.Deferral;
import com.oshun.nurture.enrollment.StepQueue.Held;
import com.oshun.nurture.preferences.Learning;
import com.oshun.nurture.scheduling.DueSteps;
import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.sequence.StepDefinition;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due steps in batches, in three moves with two commits per batch.
 * <ol>
 * <li><b>Claim</b> (one transaction): lock due steps of active enrollments with
 * {@code SKIP LOCKED}, and the contacts they write to likewise; a contact with a step
 * already in flight waits, so one contact never has two messages composed at once. Each
 * step is then checked against the send window (a step that must wait is moved) and the
 * rest are marked {@code sending} under a lease. A booking that committed before sees
 * nothing to cancel; one that commits after finds the step in flight, which is the one
 * message allowed out.</li>
 * <li><b>Compose and deliver</b> outside any transaction, concurrently on the delivery
 * pool, from contexts read for the whole batch.</li>
 * <li><b>Record</b> (one transaction): what became of each step, the messages, the
 * contacts' last nurture time, what silence taught, and completed enrollments.</li>
 * </ol>
 * A step whose lease runs out (its node died, or its delivery asked to be retried then)
 * is claimed again as another attempt under the same marker, which the delivery
 * recognises; if its enrollment ended meanwhile it is finished only when an earlier
 * attempt went out. While a batch works, {@link #renewLeases} keeps its leases alive.
 */
@Component
class StepBatches implements DueSteps {

	private static final Logger log = LoggerFactory.getLogger(StepBatches.class);

	private static final List<String> SOFTENED = List.of("offer", "returning_offer");

	private final TransactionTemplate transaction;

	private final EnrollmentRepository enrollments;

	private final StepQueue queue;

	private final StepRunRepository steps;

	private final ContactRepository contacts;

	private final MessageRepository messages;

	private final SequenceCatalog catalog;

	private final Enroller enroller;

	private final MessageComposer composer;

	private final ContextBuilder contexts;

	private final MessageDelivery delivery;

	private final Learning learning;

	private final MeterRegistry meters;

	private final SendWindow window;

	private final Duration lease;

	private final Clock clock;

	/** The steps this node holds, by key: their leases are renewed while they work. */
	private final Map<String, Held> working = new ConcurrentHashMap<>();

	StepBatches(TransactionTemplate transaction, EnrollmentRepository enrollments, StepQueue queue,
			StepRunRepository steps, ContactRepository contacts, MessageRepository messages, SequenceCatalog catalog,
			Enroller enroller, MessageComposer composer, ContextBuilder contexts, MessageDelivery delivery,
			Learning learning, MeterRegistry meters, SendWindow window, NurtureSettings settings, Clock clock) {
		this.transaction = transaction;
		this.enrollments = enrollments;
		this.queue = queue;
		this.steps = steps;
		this.contacts = contacts;
		this.messages = messages;
		this.catalog = catalog;
		this.enroller = enroller;
		this.composer = composer;
		this.contexts = contexts;
		this.delivery = delivery;
		this.learning = learning;
		this.meters = meters;
		this.window = window;
		this.lease = settings.scheduler().lease();
		this.clock = clock;
	}

	/**
	 * A claimed step on its way out. {@code attempt} above 1: an earlier try may have
	 * reached the channel. {@code onlyIfSent}: the enrollment ended meanwhile, so the
	 * step is finished only if that earlier try went out. {@code refusal}: finished
	 * unsent without composing.
	 */
	private record Work(Held held, Enrollment enrollment, Contact contact, boolean onlyIfSent, String refusal) {

		StepRun step() {
			return held.step();
		}

	}

	/** What became of one step. */
	private record Outcome(Work work, ComposedMessage message, String objectiveNote, DeliveryResult result) {
	}

	@Override
	public int runBatch(int limit, Executor deliveries) {
		List<Work> claimed = transaction.execute(status -> claim(limit));
		if (claimed == null || claimed.isEmpty()) {
			return 0;
		}
		claimed.forEach(work -> working.put(work.held().key(), work.held()));
		try {
			List<Outcome> outcomes = deliver(claimed, deliveries);
			transaction.executeWithoutResult(status -> record(outcomes));
		}
		finally {
			claimed.forEach(work -> working.remove(work.held().key()));
		}
		return claimed.size();
	}

	@Override
	public void renewLeases() {
		List<Held> held = List.copyOf(working.values());
		if (!held.isEmpty()) {
			queue.renewLeases(held, clock.instant().plus(lease));
		}
	}

	@Override
	public Optional<Instant> nextDue() {
		return queue.nextDue();
	}

	private List<Work> claim(int limit) {
		Instant now = clock.instant();
		List<Held> held = new ArrayList<>(queue.lockExpired(now, limit));
		Map<Long, Contact> resumedContacts = held.isEmpty() ? Map.of()
				: contacts.getAll(held.stream().map(h -> h.step().contactId()).collect(Collectors.toSet()));
		List<StepRun> due = queue.lockDue(now, limit - held.size());
		Map<Long, Contact> available = due.isEmpty() ? Map.of()
				: contacts.lockAvailable(due.stream().map(StepRun::contactId).collect(Collectors.toSet()));
		Set<Long> busy = due.isEmpty() ? Set.of() : queue.contactsInFlight(available.keySet());
		Map<Long, Enrollment> enrollmentsById = enrollments
			.findAll(Stream.concat(held.stream().map(Held::step), due.stream())
				.map(StepRun::enrollmentId)
				.collect(Collectors.toSet()));
		Set<Long> dripContacts = due.stream()
			.filter(step -> available.containsKey(step.contactId())
					&& enrollmentsById.get(step.enrollmentId()).sequence() == SequenceKey.DRIP)
			.map(StepRun::contactId)
			.collect(Collectors.toSet());
		Map<Long, Instant> lastDrip = dripContacts.isEmpty() ? Map.of()
				: queue.lastSentIn(dripContacts, SequenceKey.DRIP);

		List<Work> work = new ArrayList<>();
		for (Held resumed : held) {
			Enrollment enrollment = enrollmentsById.get(resumed.step().enrollmentId());
			log.info("Resuming step {}/{} found in flight, attempt {}", resumed.step().enrollmentId(),
					resumed.step().stepNo(), resumed.attempt());
			boolean ended = enrollment.status() == Enrollment.Status.ENDED
					|| enrollment.status() == Enrollment.Status.COMPLETED;
			work.add(new Work(resumed, enrollment, resumedContacts.get(resumed.step().contactId()), ended, null));
		}
		Set<Long> taken = new LinkedHashSet<>(busy);
		held.forEach(h -> taken.add(h.step().contactId()));
		List<Deferral> deferrals = new ArrayList<>();
		Map<String, String> channels = new HashMap<>();
		for (StepRun step : due) {
			Contact contact = available.get(step.contactId());
			// Another transaction holds the contact, or it has a step in flight.
			if (contact == null || !taken.add(step.contactId())) {
				continue;
			}
			Enrollment enrollment = enrollmentsById.get(step.enrollmentId());
			Held fresh = new Held(step, 1);
			Optional<String> refusal = refusal(contact);
			if (refusal.isPresent()) {
				work.add(new Work(fresh, enrollment, contact, false, refusal.get()));
				continue;
			}
			Optional<SendWindow.Wait> wait = window.waitFor(contact, enrollment, lastDrip.get(contact.id()));
			if (wait.isPresent()) {
				deferrals
					.add(new Deferral(step.enrollmentId(), step.stepNo(), wait.get().until(), wait.get().reason()));
				continue;
			}
			channels.put(fresh.key(), contact.preferredChannel());
			work.add(new Work(fresh, enrollment, contact, false, null));
		}
		queue.deferAll(deferrals, now);
		queue.hold(work.stream().map(Work::held).toList(), channels, now, now.plus(lease));
		return work;
	}

	private static Optional<String> refusal(Contact contact) {
		if (contact.optedOut()) {
			return Optional.of("contact opted out");
		}
		if (!contact.marketingConsent()) {
			return Optional.of("marketing consent withdrawn");
		}
		return Optional.empty();
	}

	/**
	 * Compose and deliver every claimed step on the delivery pool; a step that throws is
	 * left in flight, and its lease brings it back.
	 */
	private List<Outcome> deliver(List<Work> claimed, Executor deliveries) {
		Set<Long> contactIds = claimed.stream().map(work -> work.contact().id()).collect(Collectors.toSet());
		ContextBuilder.Batch batch = contexts.load(contactIds);
		MessageDelivery batchDelivery = delivery.forBatch(contactIds);
		List<CompletableFuture<Outcome>> running = claimed.stream()
			.map(work -> CompletableFuture.supplyAsync(() -> deliver(work, batch, batchDelivery), deliveries)
				.exceptionally(ex -> {
					log.warn("Step {}/{} failed unexpectedly; it is retried when its lease runs out",
							work.step().enrollmentId(), work.step().stepNo(), ex);
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

	private Outcome deliver(Work work, ContextBuilder.Batch batch, MessageDelivery delivery) {
		StepRun step = work.step();
		if (work.refusal() != null) {
			return new Outcome(work, null, null, new DeliveryResult.Skipped(work.refusal()));
		}
		Enrollment enrollment = work.enrollment();
		SequenceDefinition sequence = catalog.get(enrollment.sequence(), enrollment.version());
		String channel = work.contact().preferredChannel();
		String objective = (SOFTENED.contains(step.objective())
				&& learning.ignores(batch.preferences(work.contact().id()), step.objective())) ? "education"
						: step.objective();
		String note = objective.equals(step.objective()) ? null
				: step.objective() + " softened to " + objective + ": the contact answers other content, not offers";
		StepDefinition planned = sequence.step(step.stepNo());
		StepDefinition adapted = new StepDefinition(planned.stepNo(), objective, planned.day(), planned.delay());
		ComposedMessage message = composer
			.compose(batch.context(work.contact(), sequence, adapted, channel, clock.instant()));
		if (message.refused()) {
			return new Outcome(work, message, note,
					new DeliveryResult.Skipped("no message passed the guardrails: " + message.reason()));
		}
		DeliveryResult result = delivery.deliver(new OutboundMessage(work.contact(), channel, message.text(),
				step.deliveryMarker(), objective, work.held().attempt(), work.onlyIfSent()));
		return new Outcome(work, message, note, result);
	}

	/**
	 * Record a batch. The contacts are locked first, in id order, as every other writer
	 * locks a contact before its enrollment and steps.
	 */
	private void record(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		contacts.lockAll(outcomes.stream().map(outcome -> outcome.work().contact().id()).toList());
		List<StepRunRepository.Sent> sent = new ArrayList<>();
		List<MessageRepository.Outbound> outbound = new ArrayList<>();
		List<StepRunRepository.Unsent> unsent = new ArrayList<>();
		List<Deferral> retries = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			StepRun step = outcome.work().step();
			if (outcome.result() instanceof DeliveryResult.Delivered delivered) {
				ComposedMessage message = outcome.message();
				meters.counter("nurture.messages.composed", "composer", message.composer()).increment();
				sent.add(new StepRunRepository.Sent(step.enrollmentId(), step.stepNo(), delivered.channel(),
						message.text(), message.composer(), message.reason(), outcome.objectiveNote(),
						delivered.externalId()));
				outbound.add(new MessageRepository.Outbound(step.contactId(), delivered.channel(), message.text(),
						step.enrollmentId(), step.stepNo(), delivered.externalId()));
			}
			else if (outcome.result() instanceof DeliveryResult.Skipped skipped) {
				unsent.add(new StepRunRepository.Unsent(step.enrollmentId(), step.stepNo(), StepRun.Status.SKIPPED,
						skipped.reason()));
			}
			else if (outcome.result() instanceof DeliveryResult.Failed failed) {
				unsent.add(new StepRunRepository.Unsent(step.enrollmentId(), step.stepNo(), StepRun.Status.FAILED,
						failed.reason()));
			}
			else if (outcome.result() instanceof DeliveryResult.RetryAt retry) {
				retries.add(new Deferral(step.enrollmentId(), step.stepNo(), retry.at(),
						"attempt " + outcome.work().held().attempt() + ": " + retry.reason()));
			}
		}
		if (!sent.isEmpty()) {
			List<Long> reached = outbound.stream().map(MessageRepository.Outbound::contactId).toList();
			learnFromSilence(reached);
			steps.markSentAll(sent, now);
			messages.recordOutboundAll(outbound, now);
			contacts.markNurtured(reached, now);
		}
		steps.markUnsentAll(unsent, now);
		queue.retryAll(retries, now);
		Set<Long> finished = new LinkedHashSet<>();
		sent.forEach(step -> finished.add(step.enrollmentId()));
		unsent.forEach(step -> finished.add(step.enrollmentId()));
		enrollments.withoutUnfinishedSteps(finished).forEach(enroller::completeIfDone);
	}

	/**
	 * A step is going out: if the contact's previous one drew no reply, that teaches too.
	 */
	private void learnFromSilence(List<Long> contactIds) {
		Map<Long, StepRunRepository.Silence> silences = steps.unansweredLastSent(contactIds)
			.stream()
			.collect(Collectors.toMap(StepRunRepository.Silence::contactId, Function.identity()));
		silences.values()
			.forEach(silence -> learning.observeSilence(silence.contactId(), silence.objective(), silence.read()));
	}

}
