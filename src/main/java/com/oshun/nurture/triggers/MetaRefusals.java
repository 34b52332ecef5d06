package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Duration;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.enrollment.DeliveryReceipts;

import org.springframework.stereotype.Component;

/**
 * What Meta's own refusals, reported later by Chatwoot as {@code external_error}, mean
 * for the contact. The step itself is already {@code failed} and is not retried blindly:
 * <ul>
 * <li>{@code 131049} (a marketing message held back by Meta's per-user limits): the
 * contact is held a day, so their next nurture message waits at least that long;</li>
 * <li>{@code 131026} (undeliverable): WhatsApp stops for this contact; later steps are
 * skipped with that reason (or go to Instagram where that is allowed).</li>
 * </ul>
 */
@Component
class MetaRefusals {

	private static final Duration PER_USER_LIMIT_HOLD = Duration.ofDays(1);

	private final DeliveryReceipts receipts;

	private final ContactRepository contacts;

	private final Clock clock;

	MetaRefusals(DeliveryReceipts receipts, ContactRepository contacts, Clock clock) {
		this.receipts = receipts;
		this.contacts = contacts;
		this.clock = clock;
	}

	void apply(String marker, String externalError) {
		if (externalError == null) {
			return;
		}
		receipts.contactFor(marker).ifPresent(contactId -> {
			if (externalError.contains("131049")) {
				contacts.hold(contactId, clock.instant().plus(PER_USER_LIMIT_HOLD),
						"Meta held back a marketing message (131049, its per-user limit)");
			}
			else if (externalError.contains("131026")) {
				contacts.addTag(contactId, Contact.WHATSAPP_UNDELIVERABLE);
			}
		});
	}

}
