package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.delivery.ConversationOwners;
import com.oshun.nurture.delivery.ConversationOwners.Owner;

import org.springframework.stereotype.Component;

/**
 * One conversation owner: Nurture does not talk over whoever holds the contact's Chatwoot
 * conversation. A step waits while the conversation is assigned to an agent (a person or
 * a bot such as Captain) and open or pending, or handed off to the clinic's people by
 * {@link Handoffs} and not yet resolved, while it is snoozed, and for
 * {@code nurture.conversation.owner-quiet} after an agent or bot last wrote in it. A
 * question from the contact holds the next step until a person answered it (then the
 * owner-quiet rule holds it), or for {@code nurture.conversation.question-wait} when
 * nobody does, or until the conversation is resolved after it.
 */
@Component
class ConversationOwner {

	private static final Set<String> HELD = Set.of("open", "pending");

	private final ConversationOwners owners;

	private final ConversationSettings settings;

	private final Clock clock;

	ConversationOwner(ConversationOwners owners, ConversationSettings settings, Clock clock) {
		this.owners = owners;
		this.settings = settings;
		this.clock = clock;
	}

	/** Until when, and why, someone else holds the contact's conversation. */
	Optional<SendWindow.Wait> holds(Contact contact) {
		return holds(contact, true);
	}

	/**
	 * The same, leaving out the contact's own unanswered question: for an answer to that
	 * question (the booking link), which only a person or bot holding the conversation
	 * stops.
	 */
	Optional<SendWindow.Wait> heldByOthers(Contact contact) {
		return holds(contact, false);
	}

	private Optional<SendWindow.Wait> holds(Contact contact, boolean question) {
		Optional<Owner> found = owners.of(contact.id());
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Owner owner = found.get();
		Instant now = clock.instant();
		if ("snoozed".equals(owner.status())) {
			Instant until = (owner.snoozedUntil() != null && owner.snoozedUntil().isAfter(now)) ? owner.snoozedUntil()
					: now.plus(settings.ownerRecheck());
			return Optional.of(new SendWindow.Wait(until, "the Chatwoot conversation is snoozed"));
		}
		if (owner.handoffReason() != null && (owner.status() == null || HELD.contains(owner.status()))) {
			return Optional.of(new SendWindow.Wait(now.plus(settings.ownerRecheck()),
					"handed off to the clinic's people until the conversation is resolved: " + owner.handoffReason()));
		}
		if (owner.assigneeId() != null && (owner.status() == null || HELD.contains(owner.status()))) {
			String who = "AgentBot".equals(owner.assigneeType()) ? "a bot" : "an agent";
			return Optional.of(new SendWindow.Wait(now.plus(settings.ownerRecheck()),
					"the Chatwoot conversation is assigned to " + who + " (" + owner.assigneeId() + ")"));
		}
		if (owner.lastAgentMessageAt() != null && owner.lastAgentMessageAt().plus(settings.ownerQuiet()).isAfter(now)) {
			return Optional.of(new SendWindow.Wait(owner.lastAgentMessageAt().plus(settings.ownerQuiet()),
					"an agent wrote in the Chatwoot conversation"));
		}
		if (question && owner.questionAt() != null
				&& (owner.lastAgentMessageAt() == null || owner.lastAgentMessageAt().isBefore(owner.questionAt()))
				&& !owner.resolvedSince(owner.questionAt())
				&& owner.questionAt().plus(settings.questionWait()).isAfter(now)) {
			return Optional.of(new SendWindow.Wait(owner.questionAt().plus(settings.questionWait()),
					"the contact asked a question: waiting for a person to answer it"));
		}
		return Optional.empty();
	}

}
