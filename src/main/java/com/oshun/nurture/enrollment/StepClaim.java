package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.enrollment.StepQueue.Deferral;
import com.oshun.nurture.sequence.SequenceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The first move of a batch, in one transaction: lock due steps of active enrollments and
 * steps whose lease ran out with {@code SKIP LOCKED}, and the contacts they write to
 * likewise; a contact with a step already in flight waits, so one contact never has two
 * messages composed at once. Each fresh step is then checked against the send window (a
 * step that must wait is moved) and the rest are marked {@code sending} under a lease. A
 * booking that committed before sees nothing to cancel; one that commits after finds the
 * step in flight, which is the one message allowed out.
 */
@Component
class StepClaim {

	private static final Logger log = LoggerFactory.getLogger(StepClaim.class);

	private final StepQueue queue;

	private final ContactRepository contacts;

	private final EnrollmentRepository enrollments;

	private final SendWindow window;

	private final Duration lease;

	private final Clock clock;

	StepClaim(StepQueue queue, ContactRepository contacts, EnrollmentRepository enrollments, SendWindow window,
			NurtureSettings settings, Clock clock) {
		this.queue = queue;
		this.contacts = contacts;
		this.enrollments = enrollments;
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
	record Claimed(HeldStep held, Enrollment enrollment, Contact contact, boolean onlyIfSent, String refusal) {

		StepRun step() {
			return held.step();
		}

	}

	/** Claim up to {@code limit} steps; runs inside the caller's transaction. */
	List<Claimed> claim(int limit) {
		Instant now = clock.instant();
		List<HeldStep> expired = queue.lockExpired(now, limit);
		Map<Long, Contact> resumedContacts = expired.isEmpty() ? Map.of()
				: contacts.getAll(contactIds(expired.stream().map(HeldStep::step)));
		List<StepRun> due = new ArrayList<>(queue.lockDue(now, limit - expired.size()));
		// The database answers steps due at the same moment in no set order; a contact's
		// go in their own, as only its first goes in a batch.
		due.sort(Comparator.comparing(StepRun::dueAt)
			.thenComparingLong(StepRun::enrollmentId)
			.thenComparingInt(StepRun::stepNo));
		Map<Long, Contact> available = due.isEmpty() ? Map.of() : contacts.lockAvailable(contactIds(due.stream()));
		Set<Long> busy = due.isEmpty() ? Set.of() : queue.contactsInFlight(available.keySet());
		Map<Long, Enrollment> enrollmentsById = enrollments
			.findAll(Stream.concat(expired.stream().map(HeldStep::step), due.stream())
				.map(StepRun::enrollmentId)
				.collect(Collectors.toSet()));
		Map<Long, Instant> lastDrip = lastDripSent(due, available, enrollmentsById);

		List<Claimed> claimed = new ArrayList<>();
		for (HeldStep resumed : expired) {
			Enrollment enrollment = enrollmentsById.get(resumed.step().enrollmentId());
			log.info("Resuming step {}/{} found in flight, attempt {}", resumed.step().enrollmentId(),
					resumed.step().stepNo(), resumed.attempt());
			boolean ended = enrollment.status() == Enrollment.Status.ENDED
					|| enrollment.status() == Enrollment.Status.COMPLETED;
			claimed.add(new Claimed(resumed, enrollment, resumedContacts.get(resumed.step().contactId()), ended, null));
		}
		Set<Long> taken = new LinkedHashSet<>(busy);
		expired.forEach(held -> taken.add(held.step().contactId()));
		List<Deferral> deferrals = new ArrayList<>();
		Map<String, String> channels = new HashMap<>();
		for (StepRun step : due) {
			Contact contact = available.get(step.contactId());
			// Another transaction holds the contact, or it has a step in flight.
			if (contact == null || !taken.add(step.contactId())) {
				continue;
			}
			Enrollment enrollment = enrollmentsById.get(step.enrollmentId());
			HeldStep fresh = new HeldStep(step, 1);
			Optional<String> refusal = refusal(contact, enrollment);
			if (refusal.isPresent()) {
				claimed.add(new Claimed(fresh, enrollment, contact, false, refusal.get()));
				continue;
			}
			Optional<SendWindow.Wait> wait = window.waitFor(contact, enrollment, lastDrip.get(contact.id()));
			if (wait.isPresent()) {
				deferrals
					.add(new Deferral(step.enrollmentId(), step.stepNo(), wait.get().until(), wait.get().reason()));
				continue;
			}
			channels.put(fresh.key(), contact.preferredChannel());
			claimed.add(new Claimed(fresh, enrollment, contact, false, null));
		}
		queue.deferAll(deferrals, now);
		queue.hold(claimed.stream().map(Claimed::held).toList(), channels, now, now.plus(lease));
		return claimed;
	}

	/** Extend the leases of steps this node still works on. */
	void renew(Collection<HeldStep> held) {
		queue.renewLeases(held, clock.instant().plus(lease));
	}

	/** When the next step falls due or a lease runs out. */
	Optional<Instant> nextDue() {
		return queue.nextDue();
	}

	/** The last drip message of each contact whose due step is a drip step. */
	private Map<Long, Instant> lastDripSent(List<StepRun> due, Map<Long, Contact> available,
			Map<Long, Enrollment> enrollmentsById) {
		Set<Long> dripContacts = due.stream()
			.filter(step -> available.containsKey(step.contactId())
					&& enrollmentsById.get(step.enrollmentId()).sequence() == SequenceKey.DRIP)
			.map(StepRun::contactId)
			.collect(Collectors.toSet());
		return dripContacts.isEmpty() ? Map.of() : queue.lastSentIn(dripContacts, SequenceKey.DRIP);
	}

	private static Set<Long> contactIds(Stream<StepRun> steps) {
		return steps.map(StepRun::contactId).collect(Collectors.toSet());
	}

	/**
	 * Why a step is finished unsent: {@code holdout} for every step of the control arm.
	 */
	private static Optional<String> refusal(Contact contact, Enrollment enrollment) {
		if (enrollment.control()) {
			return Optional.of("holdout");
		}
		if (contact.optedOut()) {
			return Optional.of("contact opted out");
		}
		if (!contact.marketingConsent()) {
			return Optional.of("marketing consent withdrawn");
		}
		return Optional.empty();
	}

}
