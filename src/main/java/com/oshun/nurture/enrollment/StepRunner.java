package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.oshun.nurture.compose.ComposedMessage;
import com.oshun.nurture.compose.ContextBuilder;
import com.oshun.nurture.compose.MessageComposer;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.delivery.DeliveryResult;
import com.oshun.nurture.delivery.MessageDelivery;
import com.oshun.nurture.delivery.OutboundMessage;
import com.oshun.nurture.scheduling.StepHandler;
import com.oshun.nurture.scheduling.StepJob;
import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.preferences.Learning;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.StepDefinition;

import io.micrometer.core.instrument.MeterRegistry;
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

	private static final List<String> SOFTENED = List.of("offer", "returning_offer");

	private final TransactionTemplate transaction;

	private final EnrollmentRepository enrollments;

	private final StepRunRepository steps;

	private final ContactRepository contacts;

	private final MessageRepository messages;

	private final SequenceCatalog catalog;

	private final Enroller enroller;

	private final MessageComposer composer;

	private final ContextBuilder contexts;

	private final MessageDelivery delivery;

	private final Replies replies;

	private final Learning learning;

	private final MeterRegistry meters;

	private final SendWindow window;

	private final Clock clock;

	StepRunner(TransactionTemplate transaction, EnrollmentRepository enrollments, StepRunRepository steps,
			ContactRepository contacts, MessageRepository messages, SequenceCatalog catalog, Enroller enroller,
			MessageComposer composer, ContextBuilder contexts, MessageDelivery delivery, Replies replies,
			Learning learning, MeterRegistry meters, SendWindow window, Clock clock) {
		this.transaction = transaction;
		this.enrollments = enrollments;
		this.steps = steps;
		this.contacts = contacts;
		this.messages = messages;
		this.catalog = catalog;
		this.enroller = enroller;
		this.composer = composer;
		this.contexts = contexts;
		this.delivery = delivery;
		this.replies = replies;
		this.learning = learning;
		this.meters = meters;
		this.window = window;
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
		Optional<SendWindow.Wait> wait = window.waitFor(contact, enrollment);
		if (wait.isPresent()) {
			steps.reschedule(enrollment.id(), step.stepNo(), wait.get().until(), wait.get().reason(), clock.instant());
			return new Later(wait.get().until());
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

	/**
	 * An offer for someone who confidently ignores offers becomes education; the step
	 * records why.
	 */
	private String objectiveFor(Contact contact, StepRun step) {
		if (SOFTENED.contains(step.objective()) && learning.ignores(contact.id(), step.objective())) {
			return "education";
		}
		return step.objective();
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
		String objective = objectiveFor(send.contact(), step);
		String note = objective.equals(step.objective()) ? null
				: step.objective() + " softened to " + objective + ": the contact answers other content, not offers";
		StepDefinition planned = sequence.step(step.stepNo());
		StepDefinition adapted = new StepDefinition(planned.stepNo(), objective, planned.day(), planned.delay());
		ComposedMessage message = composer
			.compose(contexts.buildContext(send.contact(), sequence, adapted, channel, clock.instant()));
		if (message.refused()) {
			transaction.executeWithoutResult(status -> {
				enrollments.lock(enrollment.id());
				finishUnsent(enrollment, step, StepRun.SKIPPED,
						"no message passed the guardrails: " + message.reason());
			});
			return Optional.empty();
		}
		DeliveryResult result = delivery.deliver(new OutboundMessage(send.contact().id(), channel, message.text(),
				step.deliveryMarker(), objective, send.attempt(), send.onlyIfSent()));
		if (result instanceof DeliveryResult.RetryAt retry) {
			steps.noteRetry(enrollment.id(), step.stepNo(), "attempt " + send.attempt() + ": " + retry.reason(),
					clock.instant());
			return Optional.of(retry.at());
		}
		transaction.executeWithoutResult(status -> record(enrollment, step, message, note, result));
		return Optional.empty();
	}

	private void record(Enrollment enrollment, StepRun step, ComposedMessage message, String note,
			DeliveryResult result) {
		Instant now = clock.instant();
		enrollments.lock(enrollment.id());
		if (result instanceof DeliveryResult.Delivered delivered) {
			meters.counter("nurture.messages.composed", "composer", message.composer()).increment();
			replies.onStepSent(enrollment.contactId());
			steps.markSent(enrollment.id(), step.stepNo(), delivered.channel(), message.text(), message.composer(),
					message.reason(), note, delivered.externalId(), now);
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
