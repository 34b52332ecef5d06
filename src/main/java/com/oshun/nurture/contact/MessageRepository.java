package com.oshun.nurture.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conversation history: messages in and out, whatever sent them.
 */
@Repository
public class MessageRepository {

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Message(Instant at, String direction, String channel, String content) {
	}

	public long recordOutbound(long contactId, String channel, String content, long enrollmentId, int stepNo,
			String externalId, Instant at) {
		return jdbc
			.sql("""
					insert into messages (contact_id, direction, channel, content, enrollment_id, step_no, external_id, created_at)
					values (:contact, 'out', :channel, :content, :enrollment, :stepNo, :external, :at)
					returning id
					""")
			.param("contact", contactId)
			.param("channel", channel)
			.param("content", content)
			.param("enrollment", enrollmentId)
			.param("stepNo", stepNo)
			.param("external", externalId)
			.param("at", Timestamps.param(at))
			.query(Long.class)
			.single();
	}

	public boolean anyInboundSince(long contactId, Instant since) {
		return jdbc
			.sql("""
					select exists (select 1 from messages where contact_id = :contact and direction = 'in' and created_at > :since)
					""")
			.param("contact", contactId)
			.param("since", Timestamps.param(since))
			.query(Boolean.class)
			.single();
	}

	/** A message the contact sent us; {@code externalId} names it at the channel. */
	public long recordInbound(long contactId, String channel, String content, String externalId, Instant at) {
		return jdbc.sql("""
				insert into messages (contact_id, direction, channel, content, external_id, created_at)
				values (:contact, 'in', :channel, :content, :external, :at)
				returning id
				""")
			.param("contact", contactId)
			.param("channel", channel)
			.param("content", content)
			.param("external", externalId)
			.param("at", Timestamps.param(at))
			.query(Long.class)
			.single();
	}

	/** The latest {@code limit} messages, oldest first. */
	public List<Message> recent(long contactId, int limit) {
		List<Message> latest = jdbc.sql("""
				select created_at, direction, channel, content from messages
				where contact_id = :contact order by created_at desc, id desc limit :limit
				""")
			.param("contact", contactId)
			.param("limit", limit)
			.query((rs, n) -> new Message(Timestamps.read(rs, "created_at"), rs.getString("direction"),
					rs.getString("channel"), rs.getString("content")))
			.list();
		List<Message> oldestFirst = new ArrayList<>(latest);
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}

}
