package com.oshun.nurture.contact;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one door for a message a contact sent: it becomes their last inbound time and a
 * stored message, and is announced as {@link InboundMessageReceived} to the listeners
 * (signals, reply pause, opt-out). Chatwoot's webhook and the simulation both come in
 * here, inside their own transaction.
 */
@Component
public class InboundMessages {

	private final ContactRepository contacts;

	private final MessageRepository messages;

	private final ApplicationEventPublisher publisher;

	InboundMessages(ContactRepository contacts, MessageRepository messages, ApplicationEventPublisher publisher) {
		this.contacts = contacts;
		this.messages = messages;
		this.publisher = publisher;
	}

	/**
	 * @param externalId the message's name at the channel ({@code chatwoot:<id>}), if any
	 * @param conversationId the Chatwoot conversation it arrived in (0 for none)
	 */
	public void receive(long contactId, String channel, String content, String externalId, long conversationId,
			Instant at) {
		contacts.mark(contactId, ContactRepository.Mark.LAST_INBOUND, at, null);
		long stored = messages.recordInbound(contactId, channel, content, externalId, at);
		publisher.publishEvent(new InboundMessageReceived(contactId, stored, channel, content, conversationId, at));
	}

}
