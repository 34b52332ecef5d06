package com.oshun.nurture.enrollment;

import java.time.LocalDate;

import com.oshun.nurture.compose.ReplyClassifier;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessageReceived;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.delivery.ConversationOwners;
import com.oshun.nurture.preferences.Learning;
import com.oshun.nurture.preferences.ReplySignals;
import com.oshun.nurture.slots.SlotPicks;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The one decision of a reply, after it is stored: the reply rules first
 * ({@link ReplyIntents#rules}); when they decide nothing (no rule matched) or conflict
 * (two of not interested, later and book) and an LLM is configured, the LLM picks one
 * label of a closed set, and when it fails the rules' decision stands. An opt-out is the
 * rules' alone and was acted on inside the reply's transaction ({@link Replies}). Then it
 * acts: book hands off ({@link Handoffs}) or answers with the booking link
 * ({@link BookingReplies}); later snoozes ({@link LaterSnoozes}); not interested ends the
 * enrollment; a price objection is a {@code price_sensitivity} signal; a question waits
 * for a person; an auto-reply and anything else change nothing. The decision, who made
 * it, its evidence and what was done are the reply's {@code decision} on the timeline.
 */
@Component
class ReplyDecisions {

	private final ContactRepository contacts;

	private final ConversationSettings settings;

	private final ReplyClassifier classifier;

	private final LaterSnoozes snoozes;

	private final Handoffs handoffs;

	private final BookingReplies bookings;

	private final Enroller enroller;

	private final Learning learning;

	private final ConversationOwners owners;

	private final MessageRepository messages;

	private final SlotPicks picks;

	ReplyDecisions(ContactRepository contacts, ConversationSettings settings, ReplyClassifier classifier,
			LaterSnoozes snoozes, Handoffs handoffs, BookingReplies bookings, Enroller enroller, Learning learning,
			ConversationOwners owners, MessageRepository messages, SlotPicks picks) {
		this.contacts = contacts;
		this.settings = settings;
		this.classifier = classifier;
		this.snoozes = snoozes;
		this.handoffs = handoffs;
		this.bookings = bookings;
		this.enroller = enroller;
		this.learning = learning;
		this.owners = owners;
		this.messages = messages;
		this.picks = picks;
	}

	/**
	 * After the reply's transaction (Chatwoot and the LLM are not called inside it), in
	 * the request that delivered it.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	@Order(SlotPicks.ORDER + 1)
	public void on(InboundMessageReceived received) {
		messages.decide(received.messageId(), decide(received));
	}

	/** Decide and act; answers the decision as the timeline shows it. */
	String decide(InboundMessageReceived received) {
		Contact contact = contacts.get(received.contactId());
		LocalDate today = received.at().atZone(contact.zone()).toLocalDate();
		ReplyIntents.Rules rules = ReplyIntents.rules(received.content(), today, settings.laterDefault());
		ReplyDecision decision = rules.decision();
		if (rules.optOut()) {
			return decision.describe("opted out");
		}
		if (picks.picks(contact.id(), received.content(), received.at())) {
			return "slot pick by rules (" + rules.words() + "): answered with that slot's own link";
		}
		if (!rules.decisive()) {
			decision = disambiguated(received, contact, rules, today);
		}
		return decision.describe(act(received, decision));
	}

	private ReplyDecision disambiguated(InboundMessageReceived received, Contact contact, ReplyIntents.Rules rules,
			LocalDate today) {
		ReplyDecision rulesDecision = rules.decision();
		String conflict = rules.matched().isEmpty() ? null : "rules conflict (" + rules.labels() + ")";
		if (!classifier.available()) {
			return (conflict == null) ? rulesDecision
					: rulesDecision.noting(conflict + ", no LLM configured: the most binding stands");
		}
		ReplyClassifier.Answer answer = classifier.classify(received.content(), contact.language(), today);
		if (answer.failed()) {
			String failed = answer.model() + " failed (" + answer.failure() + "): the rules' decision stands";
			return rulesDecision.noting((conflict == null) ? failed : conflict + "; " + failed);
		}
		ReplyDecision.Label label = ReplyDecision.Label.ofLlm(answer.label());
		ReplyDecision decision;
		if (label == ReplyDecision.Label.LATER) {
			boolean undated = answer.date() == null;
			LocalDate date = undated ? today.plusDays(settings.laterDefault().toDays()) : answer.date();
			decision = new ReplyDecision(label, date, undated, rules.words(), answer.model(), null);
		}
		else {
			decision = new ReplyDecision(label, null, false, rules.words(), answer.model(), null);
		}
		if (conflict != null) {
			decision = decision.noting(conflict);
		}
		return (answer.note() != null) ? decision.noting(answer.note()) : decision;
	}

	private String act(InboundMessageReceived received, ReplyDecision decision) {
		long contactId = received.contactId();
		return switch (decision.label()) {
			case OPT_OUT -> "opted out";
			case AUTO_REPLY -> "ignored";
			case OTHER -> "nothing to do";
			case NOT_INTERESTED -> enroller
				.endLive(contactId,
						decision.byLlm() ? "not interested (decided by " + decision.by() + ")" : "not interested")
				.map(ended -> "enrollment ended")
				.orElse("no live enrollment");
			case LATER -> snoozes.snooze(contactId, decision);
			case BOOK -> handoffs.onBookingIntent(received, decision).orElseGet(() -> bookings.answer(received));
			case PRICE -> price(received, decision);
			case QUESTION -> question(received, decision);
		};
	}

	private String price(InboundMessageReceived received, ReplyDecision decision) {
		ReplySignals signals = ReplySignals.of(received.content());
		if (decision.byLlm() && !signals.priceQuestion() && !signals.hesitation()) {
			learning.observePriceObjection(received.contactId(), decision.by());
		}
		return "a price_sensitivity signal";
	}

	private String question(InboundMessageReceived received, ReplyDecision decision) {
		if (received.conversationId() == 0) {
			return "no Chatwoot conversation to wait in";
		}
		if (decision.byLlm() && !ReplySignals.question(received.content())) {
			owners.asked(received.conversationId(), received.at());
		}
		return "the next step waits for a person to answer";
	}

}
