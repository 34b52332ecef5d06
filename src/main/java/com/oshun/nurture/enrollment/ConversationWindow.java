package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessageReceived;
import com.oshun.nurture.delivery.ConversationOwners;
import com.oshun.nurture.delivery.ConversationResolved;
import com.oshun.nurture.delivery.WhatsappWindow;
import com.oshun.nurture.preferences.ReplySignals;
import com.oshun.nurture.sequence.StepPlanner;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 24-hour WhatsApp window as a resource. A reply keeps the conversation live only
 * until it has been quiet for {@code nurture.conversation.quiet-gap} (no message either
 * way), or until the Chatwoot conversation is resolved after it, whichever comes first;
 * after that a step due inside the window goes out as free text. A resolution moves the
 * step it held to now, where the send window (quiet hours, the frequency cap, whoever
 * else holds the conversation) and the window rule decide again. A reply also pulls the
 * next pending step forward into the window when it was due shortly after the window
 * closes (within {@code pull-forward}), so a free personal message replaces a paid
 * template; quiet hours and the frequency cap still hold.
 */
@Component
class ConversationWindow {

	private static final Logger log = LoggerFactory.getLogger(ConversationWindow.class);

	private static final Set<String> WINDOWED = Set.of("whatsapp", "instagram");

	/**
	 * The reasons of a step held by the conversation (as {@link SendWindow},
	 * {@link ConversationOwner} and the pull-forward below write them) that a resolution
	 * ends.
	 */
	static final List<String> RELEASED_BY_RESOLUTION = List.of("deferred: conversation live",
			"deferred: handed off to the clinic's people", "deferred: the Chatwoot conversation is",
			"deferred: the contact asked a question", "pulled forward into the WhatsApp window");

	private final ContactRepository contacts;

	private final StepRunRepository steps;

	private final StepPlanner planner;

	private final ConversationSettings settings;

	private final NurtureSettings nurture;

	private final ConversationOwners owners;

	private final Clock clock;

	ConversationWindow(ContactRepository contacts, StepRunRepository steps, StepPlanner planner,
			ConversationSettings settings, NurtureSettings nurture, ConversationOwners owners, Clock clock) {
		this.contacts = contacts;
		this.steps = steps;
		this.planner = planner;
		this.settings = settings;
		this.nurture = nurture;
		this.owners = owners;
		this.clock = clock;
	}

	/**
	 * The end of the live conversation, if the contact wrote and the conversation has not
	 * yet been quiet for the quiet gap since the last message either way, nor been
	 * resolved in Chatwoot since the contact's last message.
	 */
	Optional<Instant> liveUntil(Contact contact) {
		if (contact.lastInboundAt() == null) {
			return Optional.empty();
		}
		Instant last = contact.lastInboundAt();
		if (contact.lastNurtureAt() != null && contact.lastNurtureAt().isAfter(last)) {
			last = contact.lastNurtureAt();
		}
		Instant until = last.plus(settings.quietGap());
		if (!until.isAfter(clock.instant())
				|| owners.of(contact.id()).filter(owner -> owner.resolvedSince(contact.lastInboundAt())).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(until);
	}

	/**
	 * The conversation was resolved: the contact's next step, when a live conversation, a
	 * hand-off, an assignment, a snooze or an unanswered question held it, may go now
	 * (the claim looks at every rule again and defers it when one still holds).
	 */
	@EventListener
	@Transactional
	public void on(ConversationResolved resolved) {
		int released = steps.releaseHeld(resolved.contactId(), RELEASED_BY_RESOLUTION,
				"the Chatwoot conversation was resolved: the step it held may go", clock.instant());
		if (released > 0) {
			log.info("Chatwoot conversation {} resolved: {} held step(s) of contact {} may go",
					resolved.conversationId(), released, resolved.contactId());
		}
	}

	/**
	 * After a reply: the next pending step, due after the window closes but within the
	 * pull-forward reach of it, moves to the first moment the quiet gap, quiet hours and
	 * the frequency cap allow, when that moment is still inside the window.
	 */
	@EventListener
	@Transactional
	public void on(InboundMessageReceived received) {
		if (!WINDOWED.contains(received.channel()) || ReplyIntents.autoReply(received.content())) {
			return;
		}
		Contact contact = contacts.lock(received.contactId());
		Optional<StepRun> next = steps.nextPending(received.contactId());
		if (next.isEmpty()) {
			return;
		}
		StepRun step = next.get();
		Instant closes = WhatsappWindow.closesAt(received.at());
		if (!step.dueAt().isAfter(closes) || step.dueAt().isAfter(closes.plus(settings.pullForward()))) {
			return;
		}
		// a question waits for a person to answer it (ConversationOwner), at most the
		// question wait
		Instant earliest = received.at()
			.plus(ReplySignals.question(received.content())
					&& settings.questionWait().compareTo(settings.quietGap()) > 0 ? settings.questionWait()
							: settings.quietGap());
		if (contact.lastNurtureAt() != null && contact.lastNurtureAt().plus(nurture.frequencyCap()).isAfter(earliest)) {
			earliest = contact.lastNurtureAt().plus(nurture.frequencyCap());
		}
		Instant target = planner.allowed(earliest, contact.zone());
		if (target.isBefore(closes)) {
			steps.reschedule(step.enrollmentId(), step.stepNo(), target,
					"pulled forward into the WhatsApp window: free text instead of a template", clock.instant());
		}
	}

}
