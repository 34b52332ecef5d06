package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessageReceived;
import com.oshun.nurture.delivery.WhatsappWindow;
import com.oshun.nurture.preferences.ReplySignals;
import com.oshun.nurture.sequence.StepPlanner;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 24-hour WhatsApp window as a resource. A reply keeps the conversation live only
 * until it has been quiet for {@code nurture.conversation.quiet-gap} (no message either
 * way); after that a step due inside the window goes out as free text. A reply also pulls
 * the next pending step forward into the window when it was due shortly after the window
 * closes (within {@code pull-forward}), so a free personal message replaces a paid
 * template; quiet hours and the frequency cap still hold.
 */
@Component
class ConversationWindow {

	private static final Set<String> WINDOWED = Set.of("whatsapp", "instagram");

	private final ContactRepository contacts;

	private final StepRunRepository steps;

	private final StepPlanner planner;

	private final ConversationSettings settings;

	private final NurtureSettings nurture;

	private final Clock clock;

	ConversationWindow(ContactRepository contacts, StepRunRepository steps, StepPlanner planner,
			ConversationSettings settings, NurtureSettings nurture, Clock clock) {
		this.contacts = contacts;
		this.steps = steps;
		this.planner = planner;
		this.settings = settings;
		this.nurture = nurture;
		this.clock = clock;
	}

	/**
	 * The end of the live conversation, if the contact wrote and the conversation has not
	 * yet been quiet for the quiet gap since the last message either way.
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
		return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
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
