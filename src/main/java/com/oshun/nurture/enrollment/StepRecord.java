package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.oshun.nurture.compose.ComposedMessage;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.delivery.DeliveryResult;
import com.oshun.nurture.enrollment.StepDelivery.Outcome;
import com.oshun.nurture.enrollment.StepCompletions.Silence;
import com.oshun.nurture.preferences.Learning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The third move of a batch, in one transaction: what became of each step, the outbound
 * messages, the contacts' last nurture time, what silence taught, and the enrollments
 * left with no step to run. The contacts are locked first, in id order, as every other
 * writer locks a contact before its enrollment and steps.
 */
@Component
class StepRecord {

	private static final Logger log = LoggerFactory.getLogger(StepRecord.class);

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
	 * Record a batch; runs inside the caller's transaction. A step whose lease went to
	 * another attempt meanwhile is left to that attempt: nothing of it is recorded here.
	 * @return the outcomes recorded as sent
	 */
	List<Outcome> record(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		contacts.lockAll(outcomes.stream().map(outcome -> outcome.claimed().contact().id()).toList());
		List<Outcome> delivered = new ArrayList<>();
		List<StepCompletions.Unsent> unsent = new ArrayList<>();
		List<StepCompletions.Retry> retries = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			HeldStep held = outcome.claimed().held();
			if (outcome.result() instanceof DeliveryResult.Delivered) {
				delivered.add(outcome);
			}
			else if (outcome.result() instanceof DeliveryResult.Skipped skipped) {
				unsent.add(new StepCompletions.Unsent(held, StepRun.Status.SKIPPED, skipped.reason()));
			}
			else if (outcome.result() instanceof DeliveryResult.Failed failed) {
				unsent.add(new StepCompletions.Unsent(held, StepRun.Status.FAILED, failed.reason()));
			}
			else if (outcome.result() instanceof DeliveryResult.RetryAt retry) {
				retries.add(new StepCompletions.Retry(held, retry.at(),
						"attempt " + held.attempt() + ": " + retry.reason()));
			}
		}
		Set<String> lost = new LinkedHashSet<>();
		List<Outcome> sent = recordSent(delivered, lost, now);
		lost.addAll(completions.markUnsentAll(unsent, now));
		lost.addAll(completions.retryAll(retries, now));
		if (!lost.isEmpty()) {
			log.warn("Steps {} were claimed again by another attempt before this one recorded them; "
					+ "left to that attempt", lost);
		}
		Set<Long> finished = new LinkedHashSet<>();
		sent.forEach(outcome -> finished.add(outcome.claimed().step().enrollmentId()));
		unsent.forEach(step -> finished.add(step.held().step().enrollmentId()));
		enroller.completeAllDone(finished);
		return sent;
	}

	/**
	 * The sent steps, their messages and the contacts' last nurture time, and what the
	 * silence before them taught (read before this batch marks its own steps sent).
	 */
	private List<Outcome> recordSent(List<Outcome> delivered, Set<String> lost, Instant now) {
		if (delivered.isEmpty()) {
			return List.of();
		}
		List<Silence> silences = completions
			.unansweredLastSent(delivered.stream().map(outcome -> outcome.claimed().contact().id()).toList());
		lost.addAll(completions.markSentAll(delivered.stream().map(StepRecord::sent).toList(), now));
		List<Outcome> sent = delivered.stream()
			.filter(outcome -> !lost.contains(outcome.claimed().held().key()))
			.toList();
		if (sent.isEmpty()) {
			return sent;
		}
		Set<Long> reached = sent.stream().map(outcome -> outcome.claimed().contact().id()).collect(Collectors.toSet());
		silences.stream()
			.filter(silence -> reached.contains(silence.contactId()))
			.forEach(silence -> learning.observeSilence(silence.contactId(), silence.objective(), silence.read()));
		messages.recordOutboundAll(sent.stream().map(StepRecord::outbound).toList(), now);
		contacts.markNurtured(reached, now);
		return sent;
	}

	private static StepCompletions.Sent sent(Outcome outcome) {
		DeliveryResult.Delivered result = (DeliveryResult.Delivered) outcome.result();
		ComposedMessage message = outcome.message();
		return new StepCompletions.Sent(outcome.claimed().held(), result.channel(), message.text(), message.composer(),
				message.reason(), outcome.objectiveNote(), result.externalId(), result.sentAs(),
				result.templateCategory());
	}

	private static MessageRepository.Outbound outbound(Outcome outcome) {
		DeliveryResult.Delivered result = (DeliveryResult.Delivered) outcome.result();
		StepRun step = outcome.claimed().step();
		return new MessageRepository.Outbound(step.contactId(), result.channel(), outcome.message().text(),
				step.enrollmentId(), step.stepNo(), result.externalId());
	}

}
