package com.oshun.nurture.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.delivery.ChatwootRoutes.Conversation;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

/**
 * Finds the WhatsApp conversation to write in the way Chatwoot routes the contact's own
 * messages: the stored one, else their last non-resolved conversation in the inbox, else
 * a new one. Contact, contact inbox and conversation are created only when missing, and
 * what was found is stored.
 */
class ChatwootRouter {

	private final ChatwootClient client;

	private final ChatwootRoutes routes;

	private final ChatwootEmailMatch emails;

	ChatwootRouter(ChatwootClient client, ChatwootRoutes routes) {
		this.client = client;
		this.routes = routes;
		this.emails = new ChatwootEmailMatch(client);
	}

	/** No way to reach the contact in this inbox; the reason says why. */
	static class Unroutable extends RuntimeException {

		Unroutable(String reason) {
			super(reason);
		}

	}

	Conversation whatsapp(Contact contact, long inboxId, ChatwootRoutes.Lookup lookup) {
		Optional<Conversation> stored = lookup.conversationFor(contact.id(), inboxId);
		if (stored.isPresent()) {
			return stored.get();
		}
		if (contact.phone() == null) {
			throw new Unroutable("no phone number for WhatsApp");
		}
		String sourceId = null;
		// false for a contact found by e-mail with another phone: its conversations are
		// with that number, so ours is a contact inbox and a conversation of its own
		boolean phoneIsOurs = true;
		Long chatwootId = routes.chatwootContactId(contact.id()).orElse(null);
		if (chatwootId == null) {
			JsonNode found = exactMatch(contact.phone());
			ChatwootEmailMatch.Found byEmail = null;
			if (found == null && contact.email() != null) {
				try {
					byEmail = emails.find(contact.email(), contact.phone(), inboxId);
				}
				catch (ChatwootFault fault) {
					// our phone became another contact's after the search (they just
					// wrote on WhatsApp, say): that contact is the one to write to
					found = (fault.status() == 422) ? exactMatch(contact.phone()) : null;
					if (found == null) {
						throw fault;
					}
				}
			}
			if (byEmail != null) {
				chatwootId = byEmail.id();
				sourceId = byEmail.sourceId();
				phoneIsOurs = byEmail.phoneIsOurs();
			}
			else if (found == null) {
				JsonNode created = client.createContact(newContact(contact, inboxId)).path("payload");
				chatwootId = JsonValues.id(created.path("contact").path("id"));
				sourceId = JsonValues.text(created.path("contact_inbox").path("source_id"));
			}
			else {
				chatwootId = JsonValues.id(found.path("id"));
				sourceId = sourceIn(found, inboxId);
			}
			if (chatwootId == null) {
				throw new IllegalStateException("Chatwoot answered a contact without an id");
			}
			if (phoneIsOurs) {
				routes.linkContact(contact.id(), chatwootId);
			}
		}
		Optional<Conversation> open = phoneIsOurs ? openConversation(chatwootId, inboxId) : Optional.empty();
		if (open.isPresent()) {
			Conversation conversation = open.get();
			routes.save(conversation.id(), contact.id(), inboxId, sourceId, conversation.lastInboundAt());
			return new Conversation(conversation.id(), inboxId, sourceId, conversation.lastInboundAt());
		}
		if (sourceId == null) {
			String ours = phoneIsOurs ? null : ChatwootEmailMatch.whatsappSourceId(contact.phone());
			sourceId = JsonValues.text(client.createContactInbox(chatwootId, inboxId, ours).path("source_id"));
		}
		Long id = JsonValues.id(client.createConversation(inboxId, chatwootId, sourceId).path("id"));
		if (id == null) {
			throw new IllegalStateException("Chatwoot answered a conversation without an id");
		}
		routes.save(id, contact.id(), inboxId, sourceId, null);
		if (!phoneIsOurs) {
			// linked once our conversation is stored: a retry before that searches again
			// rather than take the contact's latest conversation, the other number's
			routes.linkContact(contact.id(), chatwootId);
		}
		return new Conversation(id, inboxId, sourceId, null);
	}

	/**
	 * Chatwoot's search is a substring match over several fields; keep the exact one. A
	 * Brazilian mobile may be stored there in its other form (WhatsApp's 8 digits), which
	 * is searched when the first finds nothing.
	 */
	private JsonNode exactMatch(String phone) {
		for (String form : Phones.forms(phone)) {
			for (JsonNode candidate : client.searchContacts(form).path("payload")) {
				if (form.equals(JsonValues.text(candidate.path("phone_number")))) {
					return candidate;
				}
			}
		}
		return null;
	}

	private static String sourceIn(JsonNode contact, long inboxId) {
		for (JsonNode contactInbox : contact.path("contact_inboxes")) {
			Long inbox = JsonValues.id(contactInbox.path("inbox").path("id"));
			if (inbox != null && inbox == inboxId) {
				return JsonValues.text(contactInbox.path("source_id"));
			}
		}
		return null;
	}

	private static Map<String, Object> newContact(Contact contact, long inboxId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("inbox_id", inboxId);
		body.put("name", (contact.name() != null) ? contact.name() : contact.phone());
		body.put("phone_number", contact.phone());
		if (contact.email() != null) {
			body.put("email", contact.email());
		}
		return body;
	}

	/**
	 * The contact's most recent non-resolved conversation in the inbox (Chatwoot lists
	 * them by last activity), with the time of its last incoming message.
	 */
	private Optional<Conversation> openConversation(long chatwootId, long inboxId) {
		for (JsonNode conversation : client.contactConversations(chatwootId).path("payload")) {
			Long inbox = JsonValues.id(conversation.path("inbox_id"));
			Long id = JsonValues.id(conversation.path("id"));
			if (id != null && inbox != null && inbox == inboxId
					&& !"resolved".equals(JsonValues.text(conversation.path("status")))) {
				return Optional.of(new Conversation(id, inboxId, null, lastIncoming(id)));
			}
		}
		return Optional.empty();
	}

	private Instant lastIncoming(long conversationId) {
		Instant last = null;
		for (JsonNode message : client.listMessages(conversationId, null).path("payload")) {
			// message_type is an integer in the REST API: 0 is incoming
			if (message.path("message_type").isIntegralNumber() && message.path("message_type").intValue() == 0
					&& message.path("created_at").isIntegralNumber()) {
				Instant at = Instant.ofEpochSecond(message.path("created_at").longValue());
				last = (last == null || at.isAfter(last)) ? at : last;
			}
		}
		return last;
	}

}
