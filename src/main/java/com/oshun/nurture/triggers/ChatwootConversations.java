package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.oshun.nurture.delivery.ConversationOwners;
import com.oshun.nurture.delivery.ConversationResolved;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What Chatwoot's conversation events tell us: a warm-lead label
 * ({@link ChatwootWarmLeads}) and who holds the conversation.
 * {@code conversation_updated} and {@code conversation_status_changed} carry the whole
 * conversation ({@code Conversations::EventDataPresenter}): {@code meta.assignee} and
 * {@code meta.assignee_type} ({@code User} or {@code AgentBot}), {@code status},
 * {@code snoozed_until}; an assignment also shows in
 * {@code changed_attributes[].assignee_id.current_value}. {@code changed_attributes} of
 * {@code conversation_status_changed} is {@code null} in some Chatwoot versions and
 * {@code [{"status": {...}}]} in others, so the top-level {@code status} is what counts;
 * a conversation that becomes {@code resolved} publishes {@link ConversationResolved},
 * timed by the conversation's {@code updated_at} (unix seconds with a fraction). An
 * agent's or bot's own outgoing {@code message_created} marks a person (or Captain)
 * talking.
 */
@Component
class ChatwootConversations {

	/** The {@code sender.type} of a message a person or a bot wrote. */
	private static final Set<String> PEOPLE_AND_BOTS = Set.of("user", "agent_bot", "captain_assistant");

	private final ChatwootWarmLeads warmLeads;

	private final ConversationOwners owners;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	ChatwootConversations(ChatwootWarmLeads warmLeads, ConversationOwners owners, ApplicationEventPublisher publisher,
			Clock clock) {
		this.warmLeads = warmLeads;
		this.owners = owners;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** A conversation event: the owner recorded; whether it marked a warm lead. */
	boolean changed(JsonNode conversation) {
		Long id = JsonValues.id(conversation.path("id"));
		if (id != null) {
			JsonNode meta = conversation.path("meta");
			Long assignee = JsonValues.id(meta.path("assignee").path("id"));
			if (assignee == null) {
				assignee = changedAssignee(conversation.path("changed_attributes"));
			}
			String type = (assignee != null) ? JsonValues.text(meta.path("assignee_type")) : null;
			Optional<Long> resolved = owners.record(id, assignee, type, JsonValues.text(conversation.path("status")),
					instant(conversation.path("snoozed_until")), instant(conversation.path("updated_at")));
			resolved.ifPresent(contact -> publisher.publishEvent(new ConversationResolved(contact, id)));
		}
		return warmLeads.check(conversation);
	}

	/** A warm-lead label on the conversation a message came in. */
	boolean warmLead(JsonNode conversation) {
		return warmLeads.check(conversation);
	}

	/**
	 * An outgoing, public message a person or bot wrote (not ours: ours carry a marker):
	 * {@code sender.type} {@code user} (an agent), {@code agent_bot} or
	 * {@code captain_assistant} (Captain), or no sender at all (WhatsApp's echo of a
	 * message someone sent from the clinic's phone, or an automation).
	 */
	void agentMessage(JsonNode message) {
		JsonNode sender = message.path("sender");
		String senderType = JsonValues.text(sender.path("type"));
		Long conversationId = JsonValues.id(message.path("conversation").path("id"));
		if (conversationId == null || message.path("private").asBoolean()
				|| !"outgoing".equals(JsonValues.text(message.path("message_type")))
				|| message.path("content_attributes").has("external_delivery_id")
				|| !(sender.isNull() || sender.isMissingNode() || PEOPLE_AND_BOTS.contains(senderType))) {
			return;
		}
		Instant at = instant(message.path("created_at"));
		Instant now = clock.instant();
		owners.agentWrote(conversationId, (at == null || at.isAfter(now)) ? now : at);
	}

	private static Long changedAssignee(JsonNode changes) {
		for (JsonNode change : changes) {
			if (change.has("assignee_id")) {
				return JsonValues.id(change.path("assignee_id").path("current_value"));
			}
		}
		return null;
	}

	/**
	 * Chatwoot writes times as ISO-8601 strings or unix seconds (a conversation's
	 * {@code updated_at} with a fraction).
	 */
	private static Instant instant(JsonNode node) {
		if (node.isNumber()) {
			return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
		}
		String text = JsonValues.text(node);
		try {
			return (text != null) ? Instant.parse(text) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
