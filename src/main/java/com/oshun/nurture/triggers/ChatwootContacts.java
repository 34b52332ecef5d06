package com.oshun.nurture.triggers;

import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.delivery.ChatwootRoutes;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Who a Chatwoot contact is here: matched by their Chatwoot id (the key
 * {@code chatwoot:<id>}), then by Instagram source id, phone or e-mail; an unknown sender
 * becomes a contact under that key.
 */
@Component
class ChatwootContacts {

	private final ContactRepository contacts;

	private final ChatwootRoutes routes;

	private final Phones phones;

	ChatwootContacts(ContactRepository contacts, ChatwootRoutes routes, Phones phones) {
		this.contacts = contacts;
		this.routes = routes;
		this.phones = phones;
	}

	/** The contact who sent a message; their details are taken only when they are new. */
	Contact sender(long chatwootId, JsonNode sender, String instagramSourceId) {
		Optional<Contact> known = contacts.findByKey(ChatwootRoutes.KEY_PREFIX + chatwootId);
		if (known.isPresent()) {
			return known.get();
		}
		if (instagramSourceId != null) {
			Optional<Contact> byInstagram = contacts.findByInstagramSourceId(instagramSourceId);
			if (byInstagram.isPresent()) {
				routes.linkContact(byInstagram.get().id(), chatwootId);
				return byInstagram.get();
			}
		}
		return contacts.upsert(ChatwootRoutes.KEY_PREFIX + chatwootId, details(sender, instagramSourceId));
	}

	/**
	 * {@code contact_created} / {@code contact_updated}: keep name, phone and e-mail in
	 * step. A Chatwoot {@code identifier} that is one of our keys links to that contact.
	 */
	Contact sync(JsonNode contact) {
		long chatwootId = JsonValues.id(contact.path("id"));
		String key = ChatwootRoutes.KEY_PREFIX + chatwootId;
		String identifier = JsonValues.text(contact.path("identifier"));
		if (contacts.findByKey(key).isEmpty() && identifier != null) {
			contacts.findByKey(identifier).ifPresent(found -> routes.linkContact(found.id(), chatwootId));
		}
		return contacts.upsert(key, details(contact, null));
	}

	/**
	 * A phone that is not a valid number is dropped, not refused: refusing the event
	 * would lose the message it carries. WhatsApp's old 8-digit form of a Brazilian
	 * mobile becomes the 9-digit one, so the contact is the person a booking system
	 * names.
	 */
	private ContactDetails details(JsonNode contact, String instagramSourceId) {
		String email = JsonValues.text(contact.path("email"));
		return new ContactDetails(JsonValues.text(contact.path("name")),
				phones.parse(JsonValues.text(contact.path("phone_number"))).orElse(null),
				(email != null && email.matches("[^@\\s]+@[^@\\s]+")) ? email : null, null, null, null,
				instagramSourceId, null, null, null);
	}

}
