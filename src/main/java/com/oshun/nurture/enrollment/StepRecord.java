package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.oshun.nurture.compose.ComposedMessage;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.delivery.DeliveryResult;
import com.oshun.nurture.enrollment.StepDelivery.Outcome;
import com.oshun.nurture.enrollment.StepQueue.Deferral;
import com.oshun.nurture.preferences.Learning;

import org.springframework.stereotype.Component;

/**
 * The third move of a batch, in one transaction: what became of each step, the outbound
 * messages, the contacts' last nurture time, what silence taught, and the enrollments
 * left with no step to run. The contacts are locked first, in id order, as every other
 * writer locks a contact before its enrollment and steps.
 */
@Component
class StepRecord {

	private final StepCompletions completions;

	private final ContactRepository contacts;

	private final MessageRepository messages;

	private final Enroller enroller;

	private final Learning learning;

	private final Clock clock;

	StepRecord(StepCompletions completions, ContactRepository contacts, MessageRepository messages, Enroller enroller,
			Learning learning, Clock clock) {
		this.completions = completions;
		this.contacts = contacts;
		this.messages = messages;
		this.enroller = enroller;
		this.learning = learning;
		this.clock = clock;
	}

	/**
	 * Record a batch; runs inside the caller's transaction.
	 * @return the outcomes recorded as sent
	 */
	List<Outcome> record(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		contacts.lockAll(outcomes.stream().map(outcome -> outcome.claimed().contact().id()).toList());
		List<Outcome> delivered = new ArrayList<>();
		List<StepCompletions.Sent> sent = new ArrayList<>();
		List<MessageRepository.Outbound> outbound = new ArrayList<>();
		List<StepCompletions.Unsent> unsent = new ArrayList<>();
		List<Deferral> retries = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			StepRun step = outcome.claimed().step();
			if (outcome.result() instanceof DeliveryResult.Delivered result) {
				ComposedMessage message = outcome.message();
				delivered.add(outcome);
				sent.add(new StepCompletions.Sent(step.enrollmentId(), step.stepNo(), result.channel(), message.text(),
						message.composer(), message.reason(), outcome.objectiveNote(), result.externalId()));
				outbound.add(new MessageRepository.Outbound(step.contactId(), result.channel(), message.text(),
						step.enrollmentId(), step.stepNo(), result.externalId()));
			}
			else if (outcome.result() instanceof DeliveryResult.Skipped skipped) {
				unsent.add(new StepCompletions.Unsent(step.enrollmentId(), step.stepNo(), StepRun.Status.SKIPPED,
						skipped.reason()));
			}
			else if (outcome.result() instanceof DeliveryResult.Failed failed) {
				unsent.add(new StepCompletions.Unsent(step.enrollmentId(), step.stepNo(), StepRun.Status.FAILED,
						failed.reason()));
			}
			else if (outcome.result() instanceof DeliveryResult.RetryAt retry) {
				retries.add(new Deferral(step.enrollmentId(), step.stepNo(), retry.at(),
						"attempt " + outcome.claimed().held().attempt() + ": " + retry.reason()));
			}
		}
		if (!sent.isEmpty()) {
			List<Long> reached = outbound.stream().map(MessageRepository.Outbound::contactId).toList();
			learnFromSilence(reached);
			completions.markSentAll(sent, now);
			messages.recordOutboundAll(outbound, now);
			contacts.markNurtured(reached, now);
		}
		completions.markUnsentAll(unsent, now);
		completions.retryAll(retries, now);
		Set<Long> finished = new LinkedHashSet<>();
		sent.forEach(step -> finished.add(step.enrollmentId()));
		unsent.forEach(step -> finished.add(step.enrollmentId()));
		enroller.completeAllDone(finished);
		return delivered;
	}

	/**
	 * A step is going out: if the contact's previous one drew no reply, that teaches too.
	 * Read before this batch marks its own steps sent.
	 */
	private void learnFromSilence(List<Long> contactIds) {
		completions.unansweredLastSent(contactIds)
			.forEach(silence -> learning.observeSilence(silence.contactId(), silence.objective(), silence.read()));
	}

}
