package com.oshun.nurture.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	/** An outbound message of a batch, for {@link #recordOutboundAll}. */
	public record Outbound(long contactId, String channel, String content, long enrollmentId, int stepNo,
			String externalId) {
	}

	/** Record a batch's outbound messages in one statement. */
	public void recordOutboundAll(List<Outbound> sent, Instant at) {
		if (sent.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						insert into messages (contact_id, direction, channel, content, enrollment_id, step_no, external_id, created_at)
						select u.contact_id, 'out', u.channel, u.content, u.enrollment_id, u.step_no, u.external_id, :at
						from unnest(cast(:contact as bigint[]), cast(:channel as text[]), cast(:content as text[]),
						            cast(:enrollment as bigint[]), cast(:stepNo as int[]), cast(:external as text[]))
						  as u(contact_id, channel, content, enrollment_id, step_no, external_id)
						""")
			.param("contact", sent.stream().map(Outbound::contactId).toArray(Long[]::new))
			.param("channel", sent.stream().map(Outbound::channel).toArray(String[]::new))
			.param("content", sent.stream().map(Outbound::content).toArray(String[]::new))
			.param("enrollment", sent.stream().map(Outbound::enrollmentId).toArray(Long[]::new))
			.param("stepNo", sent.stream().map(Outbound::stepNo).toArray(Integer[]::new))
			.param("external", sent.stream().map(Outbound::externalId).toArray(String[]::new))
			.param("at", Timestamps.param(at))
			.update();
	}

	/** The latest {@code limit} messages of each of these contacts, oldest first. */
	public Map<Long, List<Message>> recentFor(Collection<Long> contactIds, int limit) {
		Map<Long, List<Message>> recent = new HashMap<>();
		jdbc.sql("""
				select m.contact_id, m.created_at, m.direction, m.channel, m.content
				from unnest(cast(:ids as bigint[])) as c(id)
				cross join lateral (select contact_id, created_at, direction, channel, content, id from messages
				                    where contact_id = c.id order by created_at desc, id desc limit :limit) m
				order by m.contact_id, m.created_at, m.id
				""").param("ids", contactIds.toArray(Long[]::new)).param("limit", limit).query((rs, n) -> {
			recent.computeIfAbsent(rs.getLong("contact_id"), id -> new ArrayList<>())
				.add(new Message(Timestamps.read(rs, "created_at"), rs.getString("direction"), rs.getString("channel"),
						rs.getString("content")));
			return null;
		}).list();
		return recent;
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

	/**
	 * A message to the contact that no step sent (an answer to their reply);
	 * {@code externalId} names it at the channel.
	 */
	public void recordOutbound(long contactId, String channel, String content, String externalId, Instant at) {
		jdbc.sql("""
				insert into messages (contact_id, direction, channel, content, external_id, created_at)
				values (:contact, 'out', :channel, :content, :external, :at)
				""")
			.param("contact", contactId)
			.param("channel", channel)
			.param("content", content)
			.param("external", externalId)
			.param("at", Timestamps.param(at))
			.update();
	}

	/**
	 * What the inbound message {@code messageId} was decided to ask, by whom, with its
	 * evidence and what was done (the timeline's {@code decision}).
	 */
	public void decide(long messageId, String decision) {
		jdbc.sql("update messages set decision = :decision where id = :id and direction = 'in'")
			.param("decision", decision)
			.param("id", messageId)
			.update();
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
