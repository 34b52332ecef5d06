package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.oshun.nurture.contact.InboundMessageReceived;
import com.oshun.nurture.delivery.ChatwootAssignments;
import com.oshun.nurture.delivery.ConversationOwners;
import com.oshun.nurture.preferences.ReplySignals;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * People before sequences. A reply that asks to book, when the clinic prefers people
 * ({@code nurture.handoff.enabled}), assigns the Chatwoot conversation to the configured
 * agent or team with a private note (why the contact is in the sequence and their words),
 * and the enrollment's steps wait until the conversation is resolved
 * ({@link ConversationOwner}), held at once rather than when Chatwoot's webhook about the
 * assignment arrives. A reply that is a question is noted, so the next step waits for a
 * person to answer it. Each decision is the reason on the next step's timeline.
 */
@Component
class Handoffs {

	private static final Logger log = LoggerFactory.getLogger(Handoffs.class);

	private final HandoffPolicy policy;

	private final ChatwootAssignments chatwoot;

	private final ConversationOwners owners;

	private final EnrollmentRepository enrollments;

	private final StepRunRepository steps;

	private final Clock clock;

	Handoffs(HandoffPolicy policy, ChatwootAssignments chatwoot, ConversationOwners owners,
			EnrollmentRepository enrollments, StepRunRepository steps, Clock clock) {
		this.policy = policy;
		this.chatwoot = chatwoot;
		this.owners = owners;
		this.enrollments = enrollments;
		this.steps = steps;
		this.clock = clock;
	}

	/** A question, inside the transaction that stored it. */
	@EventListener
	@Transactional
	public void onQuestion(InboundMessageReceived received) {
		if (received.conversationId() != 0 && !ReplyIntents.autoReply(received.content())
				&& ReplySignals.question(received.content())) {
			owners.asked(received.conversationId(), received.at());
		}
	}

	/**
	 * A booking intent ({@link ReplyDecisions}, after the message is stored: Chatwoot is
	 * not called inside the webhook's transaction), when the clinic prefers people;
	 * answers what it did, or empty when hand-off is off (then {@link BookingReplies}
	 * answers with the booking link; with hand-off on nothing is sent automatically).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<String> onBookingIntent(InboundMessageReceived received, ReplyDecision book) {
		HandoffSettings settings = policy.current();
		if (!settings.enabled()) {
			return Optional.empty();
		}
		if (!chatwoot.available() || received.conversationId() == 0) {
			return Optional.of("hand-off is on, but there is no Chatwoot conversation to hand off");
		}
		Optional<StepRun> next = steps.nextPending(received.contactId());
		Optional<Enrollment> enrollment = next.flatMap(step -> enrollments.find(step.enrollmentId()));
		if (enrollment.isEmpty()) {
			return Optional.of("hand-off is on, but no live sequence to hold: left to the clinic's people");
		}
		String who = book.byLlm() ? " (decided by " + book.by() + ")" : "";
		String why = "the contact asked to book (" + book.evidence() + ")" + who;
		Optional<String> failed = chatwoot.handOff(received.conversationId(), settings.agentId(), settings.teamId(),
				note(enrollment.get(), next.get(), received.content()));
		Instant now = clock.instant();
		StepRun step = next.get();
		if (failed.isPresent()) {
			log.warn("Hand-off of Chatwoot conversation {} failed: {}", received.conversationId(), failed.get());
			steps.reschedule(step.enrollmentId(), step.stepNo(), step.dueAt(),
					"hand-off to the clinic's people failed (" + failed.get() + "); " + why, now);
			return Optional.of("hand-off failed: " + failed.get());
		}
		String to = (settings.agentId() != null) ? "agent " + settings.agentId() : "team " + settings.teamId();
		String reason = "assigned to " + to + ": " + why;
		owners.handedOff(received.conversationId(), settings.agentId(), reason);
		steps.reschedule(step.enrollmentId(), step.stepNo(), step.dueAt(),
				"waiting: handed off to the clinic's people until the conversation is resolved: " + reason, now);
		log.info("Chatwoot conversation {} handed off to {} (booking intent), enrollment {}", received.conversationId(),
				to, step.enrollmentId());
		return Optional.of("handed off to " + to);
	}

	/**
	 * The private note: why the contact is in the sequence and what they said, nothing
	 * more (it stays in the clinic's own Chatwoot).
	 */
	static String note(Enrollment enrollment, StepRun next, String words) {
		return "Nurture: this patient wants to book, so the follow-up sequence \"" + enrollment.sequence().key()
				+ "\" (started " + enrollment.startedAt().toString().substring(0, 10) + ", next step: "
				+ next.objective() + ") is paused until this conversation is resolved. They wrote: \"" + words.strip()
				+ "\"";
	}

}
