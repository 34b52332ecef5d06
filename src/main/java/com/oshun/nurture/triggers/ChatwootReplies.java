package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Instant;

import com.oshun.nurture.contact.InboundMessageReceived;
import com.oshun.nurture.contact.InboundMessages;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.delivery.ChatwootRoutes;
import com.oshun.nurture.delivery.ChatwootSettings;
import com.oshun.nurture.triggers.BookingEvents.Result;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * {@code message_created}: a contact's own message is stored in their history, moves the
 * conversation's last inbound time (the 24 h window) and is published as
 * {@link InboundMessageReceived}. Runs inside the webhook's transaction.
 */
@Component
class ChatwootReplies {

	private final ChatwootContacts chatwootContacts;

	private final InboundMessages inbound;

	private final ChatwootRoutes routes;

	private final ChatwootConversations conversations;

	private final ChatwootSettings settings;

	private final Clock clock;

	ChatwootReplies(ChatwootContacts chatwootContacts, InboundMessages inbound, ChatwootRoutes routes,
			ChatwootConversations conversations, ChatwootSettings settings, Clock clock) {
		this.chatwootContacts = chatwootContacts;
		this.inbound = inbound;
		this.routes = routes;
		this.conversations = conversations;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Only the contact's own messages are replies: our outgoing messages, agents'
	 * replies, templates and private notes all fire {@code message_created} too.
	 */
	Result apply(JsonNode message) {
		conversations.warmLead(message.path("conversation"));
		conversations.agentMessage(message);
		if (!"incoming".equals(JsonValues.text(message.path("message_type"))) || message.path("private").asBoolean()
				|| message.path("content_attributes").has("external_delivery_id")) {
			return Result.IGNORED;
		}
		JsonNode conversation = message.path("conversation");
		Long chatwootContactId = first(JsonValues.id(message.path("sender").path("id")),
				JsonValues.id(conversation.path("contact_inbox").path("contact_id")));
		Long conversationId = JsonValues.id(conversation.path("id"));
		Long inboxId = first(JsonValues.id(conversation.path("inbox_id")),
				JsonValues.id(message.path("inbox").path("id")));
		if (chatwootContactId == null || conversationId == null || inboxId == null) {
			throw new InvalidInput("conversation", "an incoming message needs its sender, conversation and inbox");
		}
		String channel = channel(inboxId, JsonValues.text(conversation.path("channel")));
		String sourceId = JsonValues.text(conversation.path("contact_inbox").path("source_id"));
		Contact contact = chatwootContacts.sender(chatwootContactId, message.path("sender"),
				"instagram".equals(channel) ? sourceId : null);
		Instant at = receivedAt(message);
		routes.save(conversationId, contact.id(), inboxId, sourceId, at);
		inbound.receive(contact.id(), channel, JsonValues.text(message.path("content")),
				"chatwoot:" + JsonValues.id(message.path("id")), conversationId, at);
		return Result.ACCEPTED;
	}

	private String channel(long inboxId, String chatwootChannel) {
		if (Long.valueOf(inboxId).equals(settings.whatsappInboxId()) || "Channel::Whatsapp".equals(chatwootChannel)) {
			return "whatsapp";
		}
		if (Long.valueOf(inboxId).equals(settings.instagramInboxId()) || "Channel::Instagram".equals(chatwootChannel)) {
			return "instagram";
		}
		return (chatwootChannel != null) ? chatwootChannel.replace("Channel::", "").toLowerCase() : "chatwoot";
	}

	/**
	 * Chatwoot measures the window from the message's own time; on a simulated clock that
	 * time can be ahead of us, so never later than now.
	 */
	private Instant receivedAt(JsonNode message) {
		Instant now = clock.instant();
		String createdAt = JsonValues.text(message.path("created_at"));
		try {
			Instant at = (createdAt != null) ? Instant.parse(createdAt) : now;
			return at.isBefore(now) ? at : now;
		}
		catch (RuntimeException ex) {
			return now;
		}
	}

	private static Long first(Long a, Long b) {
		return (a != null) ? a : b;
	}

}
