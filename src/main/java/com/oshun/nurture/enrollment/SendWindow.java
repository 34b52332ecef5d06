package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.sequence.StepPlanner;

import org.springframework.stereotype.Component;

/**
 * When a due step may actually go: after the frequency cap across all sequences, after a
 * live conversation has gone quiet, a drip message at least the drip gap after the last
 * one, never over whoever holds the Chatwoot conversation ({@link ConversationOwner}),
 * and always inside the contact's quiet hours.
 */
@Component
class SendWindow {

	private final Replies replies;

	private final ConversationWindow conversation;

	private final ConversationOwner owner;

	private final StepPlanner planner;

	private final NurtureSettings settings;

	private final Clock clock;

	SendWindow(Replies replies, ConversationWindow conversation, ConversationOwner owner, StepPlanner planner,
			NurtureSettings settings, Clock clock) {
		this.replies = replies;
		this.conversation = conversation;
		this.owner = owner;
		this.planner = planner;
		this.settings = settings;
		this.clock = clock;
	}

	/** How long a step must still wait, and why. */
	record Wait(Instant until, String reason) {
	}

	/**
	 * Empty when the step may go now. {@code lastDripSent}: when the contact's last drip
	 * message went out (read for the whole batch by the claim), or null.
	 */
	Optional<Wait> waitFor(Contact contact, Enrollment enrollment, Instant lastDripSent) {
		Instant now = clock.instant();
		Wait wait = new Wait(now, null);
		if (contact.lastNurtureAt() != null) {
			wait = later(wait, contact.lastNurtureAt().plus(settings.frequencyCap()), "frequency cap");
		}
		if (contact.heldUntil() != null) {
			wait = later(wait, contact.heldUntil(), (contact.holdReason() != null) ? contact.holdReason() : "held");
		}
		Optional<Instant> live = conversation.liveUntil(contact);
		if (live.isPresent()) {
			wait = later(wait, live.get(), "conversation live: not yet quiet for the quiet gap");
		}
		Optional<Wait> held = owner.holds(contact);
		if (held.isPresent()) {
			wait = later(wait, held.get().until(), held.get().reason());
		}
		if (enrollment.sequence() == SequenceKey.DRIP && lastDripSent != null) {
			wait = later(wait, lastDripSent.plus(replies.dripMinGap()), "drip messages at least the drip gap apart");
		}
		Instant allowed = planner.allowed(wait.until(), contact.zone());
		if (allowed.equals(now)) {
			return Optional.empty();
		}
		String reason = (wait.reason() != null) ? wait.reason() : "quiet hours";
		return Optional.of(new Wait(allowed, "deferred: " + reason));
	}

	private static Wait later(Wait current, Instant until, String reason) {
		return until.isAfter(current.until()) ? new Wait(until, reason) : current;
	}

}
