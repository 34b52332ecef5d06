package com.oshun.nurture.triggers;

import java.time.Clock;

import com.oshun.nurture.enrollment.DeliveryReceipts;
import com.oshun.nurture.triggers.BookingEvents.Result;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one Chatwoot account-webhook delivery, once: incoming messages into the history
 * (and the 24 h window), delivery statuses onto our steps, contact changes, and the
 * warm-lead label.
 */
@Service
class ChatwootEvents {

	static final String SOURCE = "chatwoot";

	private final WebhookEventLog events;

	private final ChatwootReplies replies;

	private final ChatwootContacts chatwootContacts;

	private final DeliveryReceipts receipts;

	private final ChatwootConversations conversations;

	private final MetaRefusals metaRefusals;

	private final Clock clock;

	ChatwootEvents(WebhookEventLog events, ChatwootReplies replies, ChatwootContacts chatwootContacts,
			DeliveryReceipts receipts, ChatwootConversations conversations, MetaRefusals metaRefusals, Clock clock) {
		this.events = events;
		this.replies = replies;
		this.chatwootContacts = chatwootContacts;
		this.receipts = receipts;
		this.conversations = conversations;
		this.metaRefusals = metaRefusals;
		this.clock = clock;
	}

	@Transactional
	public Result apply(String deliveryId, JsonNode payload) {
		String event = JsonValues.text(payload.path("event"));
		if (event == null) {
			throw new InvalidInput("event", "event is missing");
		}
		if (!events.first(SOURCE, deliveryId, event)) {
			return Result.DUPLICATE;
		}
		return switch (event) {
			case "message_created" -> replies.apply(payload);
			case "message_updated" -> messageUpdated(payload);
			case "contact_created", "contact_updated" -> contactChanged(payload);
			case "conversation_created", "conversation_updated", "conversation_status_changed" ->
				conversations.changed(payload) ? Result.ACCEPTED : Result.IGNORED;
			default -> Result.IGNORED;
		};
	}

	/**
	 * Chatwoot 4.15 puts no status at the top of {@code message_updated}: a failure shows
	 * as {@code content_attributes.external_error}, other statuses only on the
	 * conversation's latest message, and the provider id as {@code source_id}.
	 */
	private Result messageUpdated(JsonNode message) {
		String marker = JsonValues.text(message.path("content_attributes").path("external_delivery_id"));
		if (marker == null) {
			return Result.IGNORED;
		}
		String error = JsonValues.text(message.path("content_attributes").path("external_error"));
		String status = (error != null) ? "failed" : null;
		Long id = JsonValues.id(message.path("id"));
		for (JsonNode latest : message.path("conversation").path("messages")) {
			if (status == null && id != null && id.equals(JsonValues.id(latest.path("id")))) {
				status = JsonValues.text(latest.path("status"));
			}
		}
		boolean ours = receipts.recordDeliveryStatus(marker, status, JsonValues.text(message.path("source_id")), error,
				clock.instant());
		if (ours) {
			metaRefusals.apply(marker, error);
		}
		return ours ? Result.ACCEPTED : Result.IGNORED;
	}

	private Result contactChanged(JsonNode contact) {
		if (JsonValues.id(contact.path("id")) == null) {
			throw new InvalidInput("id", "id is missing");
		}
		chatwootContacts.sync(contact);
		return Result.ACCEPTED;
	}

}
