package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.preferences.Learning;
import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.sequence.StepDefinition;
import com.oshun.nurture.sequence.StepPlanner;
import com.oshun.nurture.sequence.StepPlanner.PlannedStep;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who enrolls in what, and the operator's transitions. Each method is one transaction:
 * the enrollment row and its step rows (which are the queue the engine claims from)
 * commit together or not at all.
 */
@Service
public class Enroller {

	private final ContactRepository contacts;

	private final EnrollmentRepository enrollments;

	private final StepRunRepository steps;

	private final SequenceCatalog catalog;

	private final StepPlanner planner;

	private final Learning learning;

	private final Holdouts holdouts;

	private final Clock clock;

	Enroller(ContactRepository contacts, EnrollmentRepository enrollments, StepRunRepository steps,
			SequenceCatalog catalog, StepPlanner planner, Learning learning, Holdouts holdouts, Clock clock) {
		this.contacts = contacts;
		this.enrollments = enrollments;
		this.steps = steps;
		this.catalog = catalog;
		this.planner = planner;
		this.learning = learning;
		this.holdouts = holdouts;
		this.clock = clock;
	}

	/** The result of a trigger: the new enrollment, or why there is none. */
	public record Outcome(Long enrollmentId, String detail) {

		public boolean enrolled() {
			return enrollmentId != null;
		}

	}

	/**
	 * Enroll the contact in the current version of {@code sequence}. A live enrollment in
	 * a weaker sequence is replaced; an equal or stronger one wins. The contact's row
	 * lock serialises concurrent triggers; the partial unique index is the last word.
	 */
	@Transactional
	public Outcome enroll(long contactId, SequenceKey sequence) {
		Contact contact = contacts.lock(contactId);
		if (contact.optedOut()) {
			return new Outcome(null, "not enrolled: contact opted out");
		}
		if (!contact.marketingConsent()) {
			return new Outcome(null, "not enrolled: marketing consent withdrawn");
		}
		Optional<Enrollment> live = enrollments.lockLive(contactId);
		if (live.isPresent()) {
			if (!sequence.outranks(live.get().sequence())) {
				return new Outcome(null, "not enrolled: already in " + live.get().sequence());
			}
			end(live.get(), "replaced by " + sequence);
		}
		Instant now = clock.instant();
		SequenceDefinition definition = catalog.current(sequence);
		Enrollment.Arm arm = holdouts.assign(contact, definition);
		Optional<Long> id = enrollments.insert(contactId, sequence, definition.version(), arm, now);
		if (id.isEmpty()) {
			return new Outcome(null, "not enrolled: already enrolled");
		}
		List<PlannedStep> planned = holdouts.withVariants(contact, definition, arm,
				planner.plan(definition, now, contact.zone(), learning.bestHour(contactId).orElse(null)));
		steps.insertAll(id.get(), contactId, planned, now);
		return new Outcome(id.get(), "enrolled in " + sequence + " v" + definition.version() + ", " + arm.value());
	}

	/** End every live enrollment of the contact (it booked, opted out, ...). */
	@Transactional
	public Optional<Enrollment> endLive(long contactId, String reason) {
		Optional<Enrollment> live = enrollments.lockLive(contactId);
		live.ifPresent(enrollment -> end(enrollment, reason));
		return live;
	}

	/**
	 * End the contact's live {@code sequence} enrollment if none of its steps has gone
	 * out (or started to); otherwise leave it. Answers what it did, for the trigger log.
	 */
	@Transactional
	public String endUnsent(long contactId, SequenceKey sequence, String reason) {
		Optional<Enrollment> live = enrollments.lockLive(contactId);
		if (live.isEmpty() || live.get().sequence() != sequence) {
			return "no live " + sequence + " enrollment";
		}
		long sent = steps.forEnrollment(live.get().id())
			.stream()
			.filter(step -> step.status() == StepRun.Status.SENT || step.status() == StepRun.Status.SENDING)
			.count();
		if (sent > 0) {
			return "kept " + sequence + " enrollment: " + sent + " step(s) already sent";
		}
		end(live.get(), reason);
		return "ended " + sequence + " enrollment";
	}

	@Transactional
	public Enrollment pause(long id) {
		Enrollment enrollment = lock(id);
		enrollment.requireActive("pause");
		// Its steps stay scheduled; only an active enrollment's steps are claimed.
		enrollments.setStatus(id, Enrollment.Status.PAUSED, clock.instant(), null);
		return lock(id);
	}

	/**
	 * Resume a paused enrollment: its pending steps move later by the time it spent
	 * paused, then to the next time quiet hours allow.
	 */
	@Transactional
	public Enrollment resume(long id) {
		Enrollment enrollment = lock(id);
		enrollment.requirePaused("resume");
		Instant now = clock.instant();
		Contact contact = contacts.get(enrollment.contactId());
		java.time.Duration paused = java.time.Duration.between(enrollment.pausedAt(), now);
		for (StepRun step : steps.pending(id)) {
			Instant shifted = step.dueAt().plus(paused);
			Instant due = planner.allowed(shifted.isBefore(now) ? now : shifted, contact.zone());
			steps.reschedule(id, step.stepNo(), due, now);
		}
		enrollments.setStatus(id, Enrollment.Status.ACTIVE, now, null);
		return lock(id);
	}

	@Transactional
	public Enrollment cancel(long id) {
		Enrollment enrollment = lock(id);
		enrollment.requireLive("cancel");
		end(enrollment, "cancelled by operator");
		return lock(id);
	}

	/**
	 * Move the pending day steps of the contact's active enrollment to a learned local
	 * hour on their due day (inside quiet hours). A step whose new time has already
	 * passed keeps its time.
	 */
	@Transactional
	public void replan(long contactId, LocalTime hour) {
		Optional<Enrollment> live = enrollments.lockLive(contactId)
			.filter(enrollment -> enrollment.status() == Enrollment.Status.ACTIVE);
		if (live.isEmpty()) {
			return;
		}
		Enrollment enrollment = live.get();
		Contact contact = contacts.get(contactId);
		SequenceDefinition definition = catalog.get(enrollment.sequence(), enrollment.version());
		Instant now = clock.instant();
		Instant previous = now;
		for (StepRun step : steps.pending(enrollment.id())) {
			StepDefinition planned = definition.step(step.stepNo());
			Instant due = (planned.day() != null)
					? planner.dueAt(planned, definition.sendAt(), enrollment.startedAt(), contact.zone(), hour)
					: step.dueAt();
			if (due.isBefore(previous)) {
				due = step.dueAt().isBefore(previous) ? previous : step.dueAt();
			}
			if (!due.equals(step.dueAt())) {
				steps.reschedule(enrollment.id(), step.stepNo(), due, "moved to the learned hour " + hour, now);
			}
			previous = due;
		}
	}

	/**
	 * Complete an enrollment whose steps are all done; a treatment that ends without a
	 * booking leads to the drip (a control is sent nothing after either).
	 */
	@Transactional
	public void completeIfDone(long id) {
		Enrollment enrollment = lock(id);
		if (enrollment.status() != Enrollment.Status.ACTIVE || steps.anyUnfinished(id)) {
			return;
		}
		enrollments.setStatus(id, Enrollment.Status.COMPLETED, clock.instant(), "sequence finished without a booking");
		if (enrollment.sequence() != SequenceKey.DRIP && !enrollment.control()) {
			enroll(enrollment.contactId(), SequenceKey.DRIP);
		}
	}

	/**
	 * {@link #completeIfDone} for those of these enrollments with no step left to run,
	 * inside the caller's transaction.
	 */
	void completeAllDone(Collection<Long> ids) {
		enrollments.withoutUnfinishedSteps(ids).forEach(this::completeIfDone);
	}

	private Enrollment lock(long id) {
		return enrollments.lock(id).orElseThrow(() -> new EnrollmentNotFound(id));
	}

	private void end(Enrollment enrollment, String reason) {
		Instant now = clock.instant();
		enrollments.setStatus(enrollment.id(), Enrollment.Status.ENDED, now, reason);
		steps.endPending(enrollment.id(), "enrollment ended: " + reason,
				"send had already started when the enrollment ended (" + reason + ")", now);
	}

}
