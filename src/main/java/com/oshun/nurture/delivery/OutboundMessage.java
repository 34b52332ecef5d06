package com.oshun.nurture.delivery;

import com.oshun.nurture.contact.Contact;

/**
 * A message to deliver. The marker identifies it wherever it lands, so a retry after a
 * crash can tell whether it already went out.
 *
 * @param contact the contact as read when the step was claimed
 * @param objective the step's objective, which chooses a WhatsApp template
 * @param attempt 1 for the first try; more means an earlier try may have reached the
 * channel, so the delivery looks for the marker before sending
 * @param onlyIfSent nothing new may go out (the enrollment ended while the step was in
 * flight): answer delivered if an earlier attempt reached the channel, else skipped
 */
public record OutboundMessage(Contact contact, String channel, String content, String marker, String objective,
		int attempt, boolean onlyIfSent, String procedureName) {

	/** A message that names no procedure. */
	public OutboundMessage(Contact contact, String channel, String content, String marker, String objective,
			int attempt, boolean onlyIfSent) {
		this(contact, channel, content, marker, objective, attempt, onlyIfSent, null);
	}

	public long contactId() {
		return contact.id();
	}

	static final String NOT_SENT = "not sent: the enrollment ended before the step could be retried";

}
