package com.oshun.nurture.contact;

import java.time.Instant;

/**
 * A contact wrote to the clinic (a reply, a question, a STOP). Published inside the
 * transaction that stored the message; listeners such as signals, reply pause and opt-out
 * react to it.
 *
 * @param messageId our {@code messages} row
 * @param conversationId the Chatwoot conversation (display id) it arrived in
 */
public record InboundMessageReceived(long contactId, long messageId, String channel, String content,
		long conversationId, Instant at) {
}
