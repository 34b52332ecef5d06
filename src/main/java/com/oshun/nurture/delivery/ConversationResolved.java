package com.oshun.nurture.delivery;

/**
 * A Chatwoot conversation of one of our contacts became resolved (its webhook). Published
 * inside the transaction that recorded it; a reply's quiet gap, a hand-off or an
 * assignment that held the contact's next step ends with it.
 *
 * @param conversationId the Chatwoot conversation (display id)
 */
public record ConversationResolved(long contactId, long conversationId) {
}
