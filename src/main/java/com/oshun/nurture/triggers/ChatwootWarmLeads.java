package com.oshun.nurture.triggers;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.delivery.ChatwootSettings;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * A Chatwoot agent marks a warm lead with a conversation label (default
 * {@code warm-lead}) or a custom attribute; the first time we see it,
 * {@code markWarmLead} runs.
 */
@Component
class ChatwootWarmLeads {

	private final WarmLeads warmLeads;

	private final ChatwootContacts contacts;

	private final ChatwootSettings settings;

	ChatwootWarmLeads(WarmLeads warmLeads, ChatwootContacts contacts, ChatwootSettings settings) {
		this.warmLeads = warmLeads;
		this.contacts = contacts;
		this.settings = settings;
	}

	/**
	 * @return whether the conversation marked its contact a warm lead just now
	 */
	boolean check(JsonNode conversation) {
		if (!marked(conversation)) {
			return false;
		}
		JsonNode sender = conversation.path("meta").path("sender");
		Long chatwootId = JsonValues.id(sender.path("id"));
		if (chatwootId == null) {
			chatwootId = JsonValues.id(conversation.path("contact_inbox").path("contact_id"));
		}
		if (chatwootId == null) {
			return false;
		}
		Contact contact = contacts.sender(chatwootId, sender, null);
		// Every later event of a labelled conversation carries the label again; only the
		// first marks, so the quiet period is not restarted by each message.
		if (contact.warmLeadAt() != null) {
			return false;
		}
		JsonNode attributes = conversation.path("custom_attributes");
		warmLeads.mark(contact.externalId(), JsonValues.text(attributes.path("procedure")), null,
				ChatwootEvents.SOURCE);
		return true;
	}

	private boolean marked(JsonNode conversation) {
		for (JsonNode label : conversation.path("labels")) {
			if (label.isString() && label.stringValue().equalsIgnoreCase(settings.warmLeadLabel())) {
				return true;
			}
		}
		JsonNode attribute = conversation.path("custom_attributes").path(settings.warmLeadAttribute());
		return attribute.isBoolean() ? attribute.booleanValue()
				: attribute.isString() && attribute.stringValue().matches("(?i)true|yes|1");
	}

}
