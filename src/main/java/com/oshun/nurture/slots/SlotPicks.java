package com.oshun.nurture.slots;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessageReceived;
import com.oshun.nurture.delivery.DeliveryResult;
import com.oshun.nurture.delivery.MessageDelivery;
import com.oshun.nurture.delivery.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A reply that picks one of the slots the last step offered ("2", "sexta", "a das 10") is
 * answered with the exact link that books it, once, after the reply is stored. The
 * booking itself still arrives by the booking webhook and ends the sequence.
 */
@Component
public class SlotPicks {

	static final String OBJECTIVE = "slot_pick";

	/** The order of its listener among those after a reply's commit: first. */
	public static final int ORDER = 1;

	private static final Logger log = LoggerFactory.getLogger(SlotPicks.class);

	private final OfferedSlots offered;

	private final ContactRepository contacts;

	private final MessageDelivery delivery;

	private final SlotSettings settings;

	private final Clock clock;

	SlotPicks(OfferedSlots offered, ContactRepository contacts, MessageDelivery delivery, SlotSettings settings,
			Clock clock) {
		this.offered = offered;
		this.contacts = contacts;
		this.delivery = delivery;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Whether {@code text}, written at {@code at}, picks one of the slots last offered
	 * (and is answered here, not by the reply rules).
	 */
	public boolean picks(long contactId, String text, Instant at) {
		List<Slot> slots = offered.lastOffer(contactId, at.minus(settings.ahead()), clock.instant());
		if (slots.isEmpty()) {
			return false;
		}
		Contact contact = contacts.get(contactId);
		return SlotPick.of(text, slots, contact.zone(), contact.language()).isPresent();
	}

	/**
	 * Before the reply's decision (which may offer new times that this reply must not
	 * pick).
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	@Order(ORDER)
	void on(InboundMessageReceived received) {
		List<Slot> slots = offered.lastOffer(received.contactId(), received.at().minus(settings.ahead()),
				clock.instant());
		if (slots.isEmpty()) {
			return;
		}
		Contact contact = contacts.get(received.contactId());
		Optional<Slot> picked = SlotPick.of(received.content(), slots, contact.zone(), contact.language());
		if (picked.isEmpty()) {
			return;
		}
		String text = SlotWords.picked(picked.get(), contact.zone(), contact.language());
		try {
			DeliveryResult result = delivery.deliver(new OutboundMessage(contact, received.channel(), text,
					"nurture:slot/" + received.messageId(), OBJECTIVE, 1, false));
			log.info("contact {} picked an offered slot; its link: {}", contact.id(),
					result.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			// the reply is stored and answered 202 already; the booking link is a
			// courtesy
			log.warn("contact {} picked an offered slot; its link could not be sent: {}", contact.id(),
					ex.getClass().getSimpleName());
		}
	}

}
