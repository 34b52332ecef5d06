package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.oshun.nurture.compose.ContextBuilder;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessageReceived;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.delivery.DeliveryResult;
import com.oshun.nurture.delivery.MessageDelivery;
import com.oshun.nurture.delivery.OutboundMessage;
import com.oshun.nurture.delivery.WhatsappWindow;
import com.oshun.nurture.slots.OfferedSlots;
import com.oshun.nurture.slots.OpenSlots;
import com.oshun.nurture.slots.SlotOffer;
import com.oshun.nurture.slots.SlotWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A reply that asks to book, when the clinic does not hand such replies to its people: it
 * is answered at once, inside the window the reply opened, with free text carrying the
 * clinic's booking link and, when the slot source knows them, the next open times in the
 * contact's zone and language (numbered, remembered, so "2" then gets that slot's own
 * link from {@code SlotPicks}). It goes through the normal delivery (Chatwoot, or the
 * outbox), once per reply (the marker), never to an opted-out contact or one without
 * marketing consent, and is recorded as a message out. Nurture answers only in its own
 * conversations: the contact has a live sequence, and no agent or bot holds the
 * conversation (assigned, snoozed, handed off, or written in lately); otherwise the
 * clinic's people answer. Without a booking link nothing is sent. The decision says why
 * whenever nothing is.
 */
@Component
class BookingReplies {

	static final String OBJECTIVE = "booking_reply";

	private static final Logger log = LoggerFactory.getLogger(BookingReplies.class);

	private final ContactRepository contacts;

	private final ContextBuilder context;

	private final OpenSlots openSlots;

	private final OfferedSlots offered;

	private final MessageDelivery delivery;

	private final MessageRepository messages;

	private final StepRunRepository steps;

	private final ConversationOwner owner;

	private final Clock clock;

	BookingReplies(ContactRepository contacts, ContextBuilder context, OpenSlots openSlots, OfferedSlots offered,
			MessageDelivery delivery, MessageRepository messages, StepRunRepository steps, ConversationOwner owner,
			Clock clock) {
		this.contacts = contacts;
		this.context = context;
		this.openSlots = openSlots;
		this.offered = offered;
		this.delivery = delivery;
		this.messages = messages;
		this.steps = steps;
		this.owner = owner;
		this.clock = clock;
	}

	/** Answer {@code received}, which asks to book; answers what was done. */
	String answer(InboundMessageReceived received) {
		Contact contact = contacts.get(received.contactId());
		if (contact.optedOut()) {
			return "nothing sent: the contact opted out";
		}
		if (!contact.marketingConsent()) {
			return "nothing sent: marketing consent withdrawn";
		}
		if (steps.nextPending(contact.id()).isEmpty()) {
			return "nothing sent: no live sequence (the clinic's people answer)";
		}
		Optional<SendWindow.Wait> held = owner.heldByOthers(contact);
		if (held.isPresent()) {
			return "nothing sent: " + held.get().reason();
		}
		Instant now = clock.instant();
		if (!WhatsappWindow.open(received.at(), now)) {
			return "nothing sent: the reply's 24 h window has closed";
		}
		LocalDate today = now.atZone(contact.zone()).toLocalDate();
		Optional<String> link = context.bookingLink(today);
		if (link.isEmpty()) {
			return "nothing sent: no booking link configured (a clinic knowledge item of kind link, topic booking)";
		}
		SlotOffer offer = openSlots.forContact(ContextBuilder.procedure(contact), contact.zone(), now);
		String text = SlotWords.bookingReply(link.get(), offer.slots(), contact.zone(), contact.language());
		DeliveryResult result;
		try {
			result = delivery.deliver(new OutboundMessage(contact, received.channel(), text,
					"nurture:book/" + received.messageId(), OBJECTIVE, 1, false));
		}
		catch (RuntimeException ex) {
			log.warn("contact {} asked to book; the booking link could not be sent: {}", contact.id(),
					ex.getClass().getSimpleName());
			return "the booking link could not be sent (" + ex.getClass().getSimpleName() + ")";
		}
		if (!(result instanceof DeliveryResult.Delivered delivered)) {
			return "the booking link was not sent: " + why(result);
		}
		messages.recordOutbound(contact.id(), delivered.channel(), text, delivered.externalId(), now);
		String slots;
		if (offer.offered()) {
			steps.nextPending(contact.id())
				.ifPresent(step -> offered.remember(contact.id(), step.enrollmentId(), 0, offer.slots(), now));
			slots = " and " + offer.slots().size() + " open times";
		}
		else {
			slots = (offer.reason() != null) ? " (no open times: " + offer.reason() + ")" : "";
		}
		log.info("contact {} asked to book; answered with the booking link ({})", contact.id(),
				result.getClass().getSimpleName());
		String as = (delivered.sentAs() != null) ? " as " + delivered.sentAs().replace('_', ' ') : "";
		return "sent the booking link" + slots + as + " (" + delivered.externalId() + ")";
	}

	private static String why(DeliveryResult result) {
		if (result instanceof DeliveryResult.Skipped skipped) {
			return skipped.reason();
		}
		if (result instanceof DeliveryResult.RetryAt retry) {
			return retry.reason() + " (not retried)";
		}
		return (result instanceof DeliveryResult.Failed failed) ? failed.reason() : result.toString();
	}

}
