package com.oshun.nurture.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who holds a contact's Chatwoot conversation, as Chatwoot's webhooks last told us: an
 * assigned agent (a person or a bot), its status, a snooze, and the last message an agent
 * or bot wrote there.
 */
@Repository
public class ConversationOwners {

	private final JdbcClient jdbc;

	private final Clock clock;

	ConversationOwners(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The holder of one conversation; {@code handoffReason} while Nurture has handed it
	 * to the clinic's people and it is not resolved, {@code questionAt} when the contact
	 * last asked a question there, {@code resolvedAt} since when it is resolved.
	 */
	public record Owner(long conversationId, Long assigneeId, String assigneeType, String status, Instant snoozedUntil,
			Instant lastAgentMessageAt, String handoffReason, Instant questionAt, Instant resolvedAt) {

		/** Resolved, and not before {@code at}. */
		public boolean resolvedSince(Instant at) {
			return "resolved".equals(status) && resolvedAt != null && !resolvedAt.isBefore(at);
		}

	}

	/**
	 * Record a conversation's assignee and status; only for a conversation we know (one a
	 * contact of ours wrote in or we wrote to). {@code at} is when Chatwoot changed it: a
	 * conversation that becomes resolved keeps that time until it is another status.
	 * @return the contact of a known conversation that became resolved just now
	 */
	public Optional<Long> record(long conversationId, Long assigneeId, String assigneeType, String status,
			Instant snoozedUntil, Instant at) {
		Optional<Boolean> wasResolved = jdbc
			.sql("select resolved_at is not null from chatwoot_conversations where conversation_id = :id for update")
			.param("id", conversationId)
			.query(Boolean.class)
			.optional();
		if (wasResolved.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Long contact = jdbc.sql("""
				update chatwoot_conversations set assignee_id = :assignee, assignee_type = :type,
				  status = coalesce(:status, status), snoozed_until = :snoozed, updated_at = :now,
				  resolved_at = case when :status = 'resolved' then coalesce(resolved_at, :at)
				                     when :status is null then resolved_at end,
				  handed_off_at = case when :status = 'resolved' then null else handed_off_at end,
				  handoff_reason = case when :status = 'resolved' then null else handoff_reason end
				where conversation_id = :id
				returning contact_id
				""")
			.param("assignee", assigneeId)
			.param("type", assigneeType)
			.param("status", status)
			.param("snoozed", Timestamps.param(snoozedUntil))
			.param("at", Timestamps.param((at == null || at.isAfter(now)) ? now : at))
			.param("now", Timestamps.param(now))
			.param("id", conversationId)
			.query(Long.class)
			.single();
		return ("resolved".equals(status) && !wasResolved.get()) ? Optional.ofNullable(contact) : Optional.empty();
	}

	/**
	 * Nurture assigned the conversation to the clinic's people itself: held at once, not
	 * only when Chatwoot's assignment webhook arrives. {@code agentId} is null for a
	 * team.
	 */
	public void handedOff(long conversationId, Long agentId, String reason) {
		jdbc.sql("""
				update chatwoot_conversations set assignee_id = coalesce(cast(:agent as bigint), assignee_id),
				  assignee_type = case when cast(:agent as bigint) is null then assignee_type else 'User' end,
				  status = 'open', resolved_at = null, handed_off_at = :now, handoff_reason = :reason, updated_at = :now
				where conversation_id = :id
				""")
			.param("agent", agentId)
			.param("reason", reason)
			.param("now", Timestamps.param(clock.instant()))
			.param("id", conversationId)
			.update();
	}

	/** The contact asked a question in a conversation we know. */
	public void asked(long conversationId, Instant at) {
		jdbc.sql("""
				update chatwoot_conversations set question_at = greatest(question_at, :at), updated_at = :now
				where conversation_id = :id
				""")
			.param("at", Timestamps.param(at))
			.param("now", Timestamps.param(clock.instant()))
			.param("id", conversationId)
			.update();
	}

	/** An agent's or bot's own outgoing message in a conversation we know. */
	public void agentWrote(long conversationId, Instant at) {
		jdbc.sql("""
				update chatwoot_conversations
				set last_agent_message_at = greatest(last_agent_message_at, :at), updated_at = :now
				where conversation_id = :id
				""")
			.param("at", Timestamps.param(at))
			.param("now", Timestamps.param(clock.instant()))
			.param("id", conversationId)
			.update();
	}

	/** The holder of the contact's most recently active conversation. */
	public Optional<Owner> of(long contactId) {
		return jdbc.sql("""
				select conversation_id, assignee_id, assignee_type, status, snoozed_until, last_agent_message_at,
				  handoff_reason, question_at, resolved_at
				from chatwoot_conversations where contact_id = :contact
				order by greatest(last_inbound_at, last_agent_message_at) desc nulls last, updated_at desc limit 1
				""")
			.param("contact", contactId)
			.query((rs, n) -> new Owner(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
					rs.getString(4), Timestamps.read(rs, "snoozed_until"), Timestamps.read(rs, "last_agent_message_at"),
					rs.getString("handoff_reason"), Timestamps.read(rs, "question_at"),
					Timestamps.read(rs, "resolved_at")))
			.optional();
	}

}
