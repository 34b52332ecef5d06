package com.oshun.nurture.delivery;

import java.util.Map;

import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

/**
 * The Chatwoot contact that has the contact's e-mail but not their phone: someone
 * Chatwoot knows from the website widget, an e-mail inbox or an agent's entry. E-mail is
 * unique in a Chatwoot account, so creating another contact with it would be refused
 * ({@code 422 Email has already been taken}); the phone goes onto this one instead.
 */
class ChatwootEmailMatch {

	private static final int PAGES = 3;

	private final ChatwootClient client;

	ChatwootEmailMatch(ChatwootClient client) {
		this.client = client;
	}

	/**
	 * The contact found by e-mail. {@code phoneIsOurs}: it carries our phone now, so its
	 * conversations in the inbox are with that number; {@code sourceId}: its contact
	 * inbox for our phone, when it has one.
	 */
	record Found(long id, String sourceId, boolean phoneIsOurs) {
	}

	/**
	 * The contact whose e-mail is exactly {@code email} (Chatwoot stores it lower-case;
	 * its search is a substring match over several fields), or null. Without a phone it
	 * gets ours; a phone of its own is left as it is (an agent typed it, or the patient
	 * writes from it) and we are written to on our number, as a contact inbox of our own.
	 * A 422 from Chatwoot (our phone is another contact's by now) is the caller's to
	 * handle.
	 */
	Found find(String email, String phone, long inboxId) {
		JsonNode contact = exactMatch(email);
		if (contact == null) {
			return null;
		}
		Long id = JsonValues.id(contact.path("id"));
		if (id == null) {
			throw new IllegalStateException("Chatwoot answered a contact without an id");
		}
		String theirs = JsonValues.text(contact.path("phone_number"));
		if (theirs == null) {
			client.updateContact(id, Map.of("phone_number", phone));
		}
		return new Found(id, sourceFor(contact, inboxId, whatsappSourceId(phone)),
				theirs == null || theirs.equals(phone));
	}

	/** What Chatwoot makes a WhatsApp contact inbox's source id of: the digits. */
	static String whatsappSourceId(String phone) {
		return phone.startsWith("+") ? phone.substring(1) : phone;
	}

	/**
	 * An e-mail's substring matches many more (ana@ is in joana@ and mariana@), so a few
	 * pages are read.
	 */
	private JsonNode exactMatch(String email) {
		for (int page = 1; page <= PAGES; page++) {
			JsonNode answer = client.searchContacts(email, page);
			for (JsonNode candidate : answer.path("payload")) {
				if (email.equalsIgnoreCase(JsonValues.text(candidate.path("email")))) {
					return candidate;
				}
			}
			if (!answer.path("meta").path("has_more").asBoolean(false)) {
				return null;
			}
		}
		return null;
	}

	private static String sourceFor(JsonNode contact, long inboxId, String sourceId) {
		for (JsonNode contactInbox : contact.path("contact_inboxes")) {
			Long inbox = JsonValues.id(contactInbox.path("inbox").path("id"));
			if (inbox != null && inbox == inboxId && sourceId.equals(JsonValues.text(contactInbox.path("source_id")))) {
				return sourceId;
			}
		}
		return null;
	}

}
