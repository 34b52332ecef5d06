package com.oshun.nurture.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessageReceived;
import com.oshun.nurture.preferences.Learning;
import com.oshun.nurture.preferences.LearningSettings;
import com.oshun.nurture.preferences.ReplySignals;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a contact's own words do at once: STOP opts them out of everything
 * ({@link Consent}), inside the transaction that stored it and by the rules alone, and
 * every other reply teaches Karen when and how to write. What else a reply asks (book,
 * later, not interested, ...) is {@link ReplyDecisions}'. How long a reply keeps the
 * conversation live is {@link ConversationWindow}'s rule.
 */
@Service
public class Replies {

	private final ContactRepository contacts;

	private final StepRunRepository steps;

	private final Enroller enroller;

	private final Consent consent;

	private final Learning learning;

	private final LearningSettings settings;

	Replies(ContactRepository contacts, StepRunRepository steps, Enroller enroller, Consent consent, Learning learning,
			LearningSettings settings) {
		this.contacts = contacts;
		this.steps = steps;
		this.enroller = enroller;
		this.consent = consent;
		this.learning = learning;
		this.settings = settings;
	}

	/**
	 * Every inbound message, inside the transaction that stored it: a STOP ends
	 * everything within the same request.
	 */
	@EventListener
	@Transactional
	public void on(InboundMessageReceived received) {
		if (ReplyIntents.autoReply(received.content())) {
			return;
		}
		onInbound(received.contactId(), received.content(), received.at());
		learning.observeChannel(received.contactId(), received.channel());
	}

	/**
	 * Handle an inbound message; answers what it came to, for the timeline and the logs.
	 */
	@Transactional
	public String onInbound(long contactId, String text, Instant at) {
		Contact contact = contacts.lock(contactId);
		ReplySignals signals = ReplySignals.of(text);
		if (signals.optOut()) {
			consent.optOut(contactId, "contact asked to stop");
			return "opted out";
		}
		if (signals.notInterested()) {
			// ended (or not, when the reply also asks for something else) by
			// ReplyDecisions
			return "not interested";
		}
		Optional<StepRun> answered = steps.lastSent(contactId)
			.filter(step -> step.sentAt() != null && !step.sentAt().isBefore(at.minus(settings.replyPause())));
		Optional<LocalTime> hour = learning.observeReply(contactId, contact.zone(), text, at,
				answered.map(StepRun::objective).orElse(null),
				answered.map(step -> Duration.between(step.sentAt(), at)).orElse(null));
		hour.ifPresent(preferred -> enroller.replan(contactId, preferred));
		return "reply recorded";
	}

	Duration dripMinGap() {
		return settings.dripMinGap();
	}

}
