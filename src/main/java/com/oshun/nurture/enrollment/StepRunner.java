package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.compose.ComposedMessage;
import com.oshun.nurture.compose.MessageComposer;
import com.oshun.nurture.compose.MessageRequest;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.delivery.DeliveryResult;
import com.oshun.nurture.delivery.MessageDelivery;
import com.oshun.nurture.delivery.OutboundMessage;
import com.oshun.nurture.scheduling.StepHandler;
import com.oshun.nurture.scheduling.StepJob;
import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.StepPlanner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a due step in three moves. First, one short transaction locks the enrollment,
 * re-checks that it is active and the step still scheduled, and marks the step
 * {@code sending}: a booking that committed before this sees nothing to cancel, and this
 * sees the cancellation. Then the message is composed and delivered outside any
 * transaction. Last, the outcome is recorded. A step found {@code sending} (a crash
 * between the moves, or a delivery that asked to be retried) is delivered again under the
 * same marker, which the delivery recognises; if its enrollment ended meanwhile, it is
 * only finished when an earlier attempt had gone out.
 */
@Component
class StepRunner implements StepHandler {

	private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

	private final TransactionTemplate transaction;

	private final EnrollmentRepository enrollments;

	private final StepRunRepository steps;

	private final ContactRepository contacts;

	private final MessageRepository messages;

	private final SequenceCatalog catalog;

	private final StepPlanner planner;

	private final Enroller enroller;

	private final MessageComposer composer;

	private final MessageDelivery delivery;

	private final NurtureSettings settings;

	private final Clock clock;

	StepRunner(TransactionTemplate transaction, EnrollmentRepository enrollments, StepRunRepository steps,
			ContactRepository contacts, MessageRepository messages, SequenceCatalog catalog, StepPlanner planner,
			Enroller enroller, MessageComposer composer, MessageDelivery delivery, NurtureSettings settings,
			Clock clock) {
		this.transaction = transaction;
		this.enrollments = enrollments;
		this.steps = steps;
		this.contacts = contacts;
		this.messages = messages;
		this.catalog = catalog;
		this.planner = planner;
		this.enroller = enroller;
		this.composer = composer;
		this.delivery = delivery;
		this.settings = settings;
		this.clock = clock;
	}

	private sealed interface Claim {

	}

	private record Done() implements Claim {
	}

	private record Later(Instant at) implements Claim {
	}

	/**
	 * {@code attempt} above 1: an earlier try may have reached the channel.
	 * {@code onlyIfSent}: the enrollment ended meanwhile, so the step is finished only if
	 * that earlier try did.
	 */
	private record Send(Enrollment enrollment, StepRun step, Contact contact, int attempt,
			boolean onlyIfSent) implements Claim {
	}

	@Override
	public Optional<Instant> run(StepJob job) {
		Claim claim = transaction.execute(status -> claim(job));
		if (claim instanceof Later later) {
			return Optional.of(later.at());
		}
		if (claim instanceof Send send) {
			return deliver(send);
		}
		return Optional.empty();
	}

	private Claim claim(StepJob job) {
		Optional<Enrollment> found = enrollments.lock(job.enrollmentId());
		Optional<StepRun> run = steps.find(job.enrollmentId(), job.stepNo());
		if (found.isEmpty() || run.isEmpty()) {
			return new Done();
		}
		Enrollment enrollment = found.get();
		StepRun step = run.get();
		if (StepRun.SENDING.equals(step.status())) {
			int attempt = steps.countAttempt(job.enrollmentId(), job.stepNo(), clock.instant());
			log.info("Resuming step {}/{} found in flight, attempt {}", job.enrollmentId(), job.stepNo(), attempt);
			boolean ended = enrollment.status() == Enrollment.Status.ENDED
					|| enrollment.status() == Enrollment.Status.COMPLETED;
			return new Send(enrollment, step, contacts.get(enrollment.contactId()), attempt, ended);
		}
		if (!StepRun.SCHEDULED.equals(step.status()) || enrollment.status() != Enrollment.Status.ACTIVE) {
			return new Done();
		}
		Contact contact = contacts.lock(enrollment.contactId());
		Optional<String> refusal = refusal(contact);
		if (refusal.isPresent()) {
			finishUnsent(enrollment, step, StepRun.SKIPPED, refusal.get());
			return new Done();
		}
		Optional<Instant> later = notBefore(contact).filter(at -> at.isAfter(clock.instant()));
		if (later.isPresent()) {
			steps.reschedule(enrollment.id(), step.stepNo(), later.get(), clock.instant());
			return new Later(later.get());
		}
		steps.markSending(enrollment.id(), step.stepNo(), contact.preferredChannel(), clock.instant());
		return new Send(enrollment, step, contact, 1, false);
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

	/** The earliest a message may go: after the frequency cap, inside quiet hours. */
	private Optional<Instant> notBefore(Contact contact) {
		Instant now = clock.instant();
		Instant capped = (contact.lastNurtureAt() != null) ? contact.lastNurtureAt().plus(settings.frequencyCap())
				: now;
		Instant earliest = capped.isAfter(now) ? capped : now;
		Instant allowed = planner.allowed(earliest, contact.zone());
		return allowed.equals(now) ? Optional.empty() : Optional.of(allowed);
	}

	/**
	 * A delivery that must be tried again leaves the step {@code sending} and answers
	 * when; the next run sees an attempt above 1 and the delivery checks for its marker
	 * first.
	 */
	private Optional<Instant> deliver(Send send) {
		Enrollment enrollment = send.enrollment();
		StepRun step = send.step();
		SequenceDefinition sequence = catalog.get(enrollment.sequence(), enrollment.version());
		String channel = send.contact().preferredChannel();
		ComposedMessage message = composer.compose(new MessageRequest(send.contact(), enrollment.sequence(),
				sequence.tone(), step.objective(), step.stepNo(), sequence.steps().size(), channel));
		DeliveryResult result = delivery.deliver(new OutboundMessage(send.contact().id(), channel, message.text(),
				step.deliveryMarker(), step.objective(), send.attempt(), send.onlyIfSent()));
		if (result instanceof DeliveryResult.RetryAt retry) {
			steps.noteRetry(enrollment.id(), step.stepNo(), "attempt " + send.attempt() + ": " + retry.reason(),
					clock.instant());
			return Optional.of(retry.at());
		}
		transaction.executeWithoutResult(status -> record(enrollment, step, message, result));
		return Optional.empty();
	}

	private void record(Enrollment enrollment, StepRun step, ComposedMessage message, DeliveryResult result) {
		Instant now = clock.instant();
		enrollments.lock(enrollment.id());
		if (result instanceof DeliveryResult.Delivered delivered) {
			steps.markSent(enrollment.id(), step.stepNo(), delivered.channel(), message.text(), message.composer(),
					delivered.externalId(), now);
			messages.recordOutbound(enrollment.contactId(), delivered.channel(), message.text(), enrollment.id(),
					step.stepNo(), delivered.externalId(), now);
			contacts.mark(enrollment.contactId(), ContactRepository.Mark.LAST_NURTURE, now, null);
			enroller.completeIfDone(enrollment.id());
		}
		else if (result instanceof DeliveryResult.Skipped skipped) {
			finishUnsent(enrollment, step, StepRun.SKIPPED, skipped.reason());
		}
		else if (result instanceof DeliveryResult.Failed failed) {
			finishUnsent(enrollment, step, StepRun.FAILED, failed.reason());
		}
	}

	private void finishUnsent(Enrollment enrollment, StepRun step, String status, String reason) {
		steps.markUnsent(enrollment.id(), step.stepNo(), status, reason, clock.instant());
		enroller.completeIfDone(enrollment.id());
	}

}
