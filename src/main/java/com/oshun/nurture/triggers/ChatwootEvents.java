package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Instant;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.ContactRepository.Mark;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.delivery.ChatwootRoutes;
import com.oshun.nurture.delivery.ChatwootSettings;
import com.oshun.nurture.enrollment.StepRunRepository;
import com.oshun.nurture.triggers.BookingEvents.Result;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ChatwootContacts chatwootContacts;

	private final ContactRepository contacts;

	private final MessageRepository messages;

	private final ChatwootRoutes routes;

	private final StepRunRepository steps;

	private final ChatwootWarmLeads warmLeads;

	private final ChatwootSettings settings;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	ChatwootEvents(WebhookEventLog events, ChatwootContacts chatwootContacts, ContactRepository contacts,
			MessageRepository messages, ChatwootRoutes routes, StepRunRepository steps, ChatwootWarmLeads warmLeads,
			ChatwootSettings settings, ApplicationEventPublisher publisher, Clock clock) {
		this.events = events;
		this.chatwootContacts = chatwootContacts;
		this.contacts = contacts;
		this.messages = messages;
		this.routes = routes;
		this.steps = steps;
		this.warmLeads = warmLeads;
		this.settings = settings;
		this.publisher = publisher;
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
			case "message_created" -> messageCreated(payload);
			case "message_updated" -> messageUpdated(payload);
			case "contact_created", "contact_updated" -> contactChanged(payload);
			case "conversation_created", "conversation_updated", "conversation_status_changed" ->
				warmLeads.check(payload) ? Result.ACCEPTED : Result.IGNORED;
			default -> Result.IGNORED;
		};
	}

	/**
	 * Only the contact's own messages are replies: our outgoing messages, agents'
	 * replies, templates and private notes all fire {@code message_created} too.
	 */
	private Result messageCreated(JsonNode message) {
		warmLeads.check(message.path("conversation"));
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
		contacts.mark(contact.id(), Mark.LAST_INBOUND, at, null);
		String content = JsonValues.text(message.path("content"));
		long stored = messages.recordInbound(contact.id(), channel, content,
				"chatwoot:" + JsonValues.id(message.path("id")), at);
		publisher.publishEvent(new InboundMessageReceived(contact.id(), stored, channel, content, conversationId, at));
		return Result.ACCEPTED;
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
		boolean ours = steps.recordDeliveryStatus(marker, status, JsonValues.text(message.path("source_id")), error,
				clock.instant());
		return ours ? Result.ACCEPTED : Result.IGNORED;
	}

	private Result contactChanged(JsonNode contact) {
		if (JsonValues.id(contact.path("id")) == null) {
			throw new InvalidInput("id", "id is missing");
		}
		chatwootContacts.sync(contact);
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
