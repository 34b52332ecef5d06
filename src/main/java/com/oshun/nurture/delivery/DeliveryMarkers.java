package com.oshun.nurture.delivery;

import java.util.Optional;

import com.oshun.nurture.delivery.ChatwootRoutes.Conversation;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

/**
 * Looks for a step's marker in the contact's Chatwoot conversations before an attempt
 * that may repeat an earlier one. Chatwoot has no idempotency key; the marker in
 * {@code content_attributes} is stored verbatim and listed back with each message.
 */
class DeliveryMarkers {

	static final String KEY = "external_delivery_id";

	/** How far back to look: pages of 20 messages. */
	private static final int PAGES = 5;

	private final ChatwootClient client;

	private final ChatwootRoutes routes;

	private final ChatwootSettings settings;

	DeliveryMarkers(ChatwootClient client, ChatwootRoutes routes, ChatwootSettings settings) {
		this.client = client;
		this.routes = routes;
		this.settings = settings;
	}

	/**
	 * The message already carrying {@code marker}. Only stored conversations are
	 * searched, all of the contact's in each inbox: a conversation is stored before
	 * anything is posted in it, and concurrent steps may have opened more than one.
	 */
	Optional<DeliveryResult.Delivered> find(long contactId, String marker) {
		for (Long inbox : new Long[] { settings.whatsappInboxId(), settings.instagramInboxId() }) {
			if (inbox == null) {
				continue;
			}
			for (Conversation conversation : routes.conversationsFor(contactId, inbox)) {
				Optional<Long> found = inConversation(conversation.id(), marker);
				if (found.isPresent()) {
					String channel = inbox.equals(settings.whatsappInboxId()) ? "whatsapp" : "instagram";
					return Optional.of(new DeliveryResult.Delivered(channel, "chatwoot:" + found.get()));
				}
			}
		}
		return Optional.empty();
	}

	private Optional<Long> inConversation(long conversationId, String marker) {
		Long before = null;
		for (int page = 0; page < PAGES; page++) {
			Long oldest = null;
			for (JsonNode message : client.listMessages(conversationId, before).path("payload")) {
				Long id = JsonValues.id(message.path("id"));
				if (marker.equals(JsonValues.text(message.path("content_attributes").path(KEY)))) {
					return Optional.ofNullable(id);
				}
				oldest = (id != null && (oldest == null || id < oldest)) ? id : oldest;
			}
			if (oldest == null) {
				break;
			}
			before = oldest;
		}
		return Optional.empty();
	}

}
