package com.oshun.nurture.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.oshun.nurture.contact.ContactKeys;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a contact is reached in Chatwoot: their Chatwoot contact id (the contact key
 * {@code chatwoot:<id>}) and, per inbox, the conversation and when the contact last wrote
 * in it. Stored once resolved, so the next step does not search again.
 */
@Repository
public class ChatwootRoutes {

	public static final String KEY_PREFIX = "chatwoot:";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ContactKeys keys;

	ChatwootRoutes(JdbcClient jdbc, Clock clock, ContactKeys keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
	}

	/** A conversation of a contact in one inbox. */
	public record Conversation(long id, long inboxId, String sourceId, Instant lastInboundAt) {
	}

	public Optional<Long> chatwootContactId(long contactId) {
		return keys.find(contactId, KEY_PREFIX).map(Long::parseLong);
	}

	public void linkContact(long contactId, long chatwootContactId) {
		keys.add(contactId, KEY_PREFIX + chatwootContactId);
	}

	/**
	 * Every conversation stored for the contact in this inbox, the preferred one first.
	 * Steps racing to route a new contact can each open one; a step's marker may be in
	 * any of them.
	 */
	public List<Conversation> conversationsFor(long contactId, long inboxId) {
		return jdbc.sql("""
				select conversation_id, inbox_id, source_id, last_inbound_at from chatwoot_conversations
				where contact_id = :contact and inbox_id = :inbox
				order by last_inbound_at desc nulls last, updated_at desc
				""")
			.param("contact", contactId)
			.param("inbox", inboxId)
			.query((rs, n) -> new Conversation(rs.getLong("conversation_id"), rs.getLong("inbox_id"),
					rs.getString("source_id"), Timestamps.read(rs, "last_inbound_at")))
			.list();
	}

	/**
	 * The conversation holding the contact's last inbound message in this inbox, else the
	 * one most recently stored: the one Chatwoot itself routes their next message to.
	 */
	/** Where contacts are reached: {@link #conversationFor}, for many at once. */
	@FunctionalInterface
	interface Lookup {

		Optional<Conversation> conversationFor(long contactId, long inboxId);

	}

	/**
	 * The stored conversations of these contacts, read in one query, answering as
	 * {@link #conversationFor} would have when they were read.
	 */
	Lookup preload(Collection<Long> contactIds) {
		Map<String, Conversation> found = new HashMap<>();
		jdbc.sql(
				"""
						select distinct on (contact_id, inbox_id) contact_id, conversation_id, inbox_id, source_id, last_inbound_at
						from chatwoot_conversations where contact_id = any(:ids)
						order by contact_id, inbox_id, last_inbound_at desc nulls last, updated_at desc
						""")
			.param("ids", contactIds.toArray(Long[]::new))
			.query((rs, n) -> {
				found.put(rs.getLong("contact_id") + "/" + rs.getLong("inbox_id"),
						new Conversation(rs.getLong("conversation_id"), rs.getLong("inbox_id"),
								rs.getString("source_id"), Timestamps.read(rs, "last_inbound_at")));
				return null;
			})
			.list();
		return (contactId, inboxId) -> Optional.ofNullable(found.get(contactId + "/" + inboxId));
	}

	public Optional<Conversation> conversationFor(long contactId, long inboxId) {
		return jdbc.sql("""
				select conversation_id, inbox_id, source_id, last_inbound_at from chatwoot_conversations
				where contact_id = :contact and inbox_id = :inbox
				order by last_inbound_at desc nulls last, updated_at desc limit 1
				""")
			.param("contact", contactId)
			.param("inbox", inboxId)
			.query((rs, n) -> new Conversation(rs.getLong("conversation_id"), rs.getLong("inbox_id"),
					rs.getString("source_id"), Timestamps.read(rs, "last_inbound_at")))
			.optional();
	}

	/**
	 * Store a conversation; {@code inboundAt}, when given, moves its last inbound time
	 * forward (never back: webhooks arrive out of order).
	 */
	public void save(long conversationId, long contactId, long inboxId, String sourceId, Instant inboundAt) {
		jdbc.sql("""
				insert into chatwoot_conversations
				  (conversation_id, contact_id, inbox_id, source_id, last_inbound_at, created_at, updated_at)
				values (:id, :contact, :inbox, :source, :inbound, :now, :now)
				on conflict (conversation_id) do update set
				  contact_id = excluded.contact_id,
				  source_id = coalesce(excluded.source_id, chatwoot_conversations.source_id),
				  last_inbound_at = greatest(chatwoot_conversations.last_inbound_at, excluded.last_inbound_at),
				  updated_at = excluded.updated_at
				""")
			.param("id", conversationId)
			.param("contact", contactId)
			.param("inbox", inboxId)
			.param("source", sourceId)
			.param("inbound", Timestamps.param(inboundAt))
			.param("now", Timestamps.param(clock.instant()))
			.update();
	}

}
