package com.oshun.nurture.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.preferences.Learning;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact's story in time order: triggers, enrollments, steps (planned, sent, skipped,
 * cancelled, with why), messages in (with what the reply was decided to ask) and out,
 * preferences.
 */
@Component
public class Timeline {

	private static final List<String> KIND_ORDER = List.of("trigger", "enrollment", "step", "message_in", "message_out",
			"preference");

	private final JdbcClient jdbc;

	private final Learning learning;

	Timeline(JdbcClient jdbc, Learning learning) {
		this.jdbc = jdbc;
		this.learning = learning;
	}

	public List<Map<String, Object>> of(long contactId) {
		List<Map<String, Object>> entries = new ArrayList<>();
		entries.addAll(
				jdbc.sql("select kind, source, outcome, occurred_at from triggers where contact_id = :c order by id")
					.param("c", contactId)
					.query((rs, n) -> entry(Timestamps.read(rs, "occurred_at"), "trigger", "trigger",
							rs.getString("kind"), "source", rs.getString("source"), "outcome", rs.getString("outcome")))
					.list());
		entries.addAll(jdbc.sql("""
				select id, sequence_key, sequence_version, status, arm, started_at, ended_at, end_reason
				from nurture_enrollments where contact_id = :c order by id
				""")
			.param("c", contactId)
			.query((rs, n) -> entry(Timestamps.read(rs, "started_at"), "enrollment", "id", rs.getLong("id"), "sequence",
					rs.getString("sequence_key"), "version", rs.getInt("sequence_version"), "status",
					rs.getString("status"), "arm", rs.getString("arm"), "endedAt", Timestamps.read(rs, "ended_at"),
					"endReason", rs.getString("end_reason")))
			.list());
		entries.addAll(jdbc.sql("""
				select s.enrollment_id, e.sequence_key, e.arm, s.step_no, s.objective, s.status, s.due_at, s.sent_at,
				       s.channel, s.content, s.composer, s.composer_reason, s.reason
				from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
				where s.contact_id = :c order by s.due_at, s.step_no
				""").param("c", contactId).query((rs, n) -> {
			Instant sentAt = Timestamps.read(rs, "sent_at");
			Instant dueAt = Timestamps.read(rs, "due_at");
			return entry((sentAt != null) ? sentAt : dueAt, "step", "enrollmentId", rs.getLong("enrollment_id"),
					"sequence", rs.getString("sequence_key"), "arm", rs.getString("arm"), "stepNo",
					rs.getInt("step_no"), "objective", rs.getString("objective"), "status", rs.getString("status"),
					"dueAt", dueAt, "sentAt", sentAt, "channel", rs.getString("channel"), "content",
					rs.getString("content"), "composer", rs.getString("composer"), "composerReason",
					rs.getString("composer_reason"), "reason", rs.getString("reason"));
		}).list());
		entries.addAll(jdbc.sql(
				"select direction, channel, content, decision, created_at from messages where contact_id = :c order by id")
			.param("c", contactId)
			.query((rs, n) -> {
				Map<String, Object> message = entry(Timestamps.read(rs, "created_at"),
						"message_" + rs.getString("direction"), "channel", rs.getString("channel"), "content",
						rs.getString("content"));
				if ("in".equals(rs.getString("direction"))) {
					message.put("decision", rs.getString("decision"));
				}
				return message;
			})
			.list());
		entries.addAll(jdbc.sql("""
				select key, value, confidence, evidence_count, reason, changed_at from preference_changes
				where contact_id = :c order by id
				""")
			.param("c", contactId)
			.query((rs, n) -> entry(Timestamps.read(rs, "changed_at"), "preference", "key", rs.getString("key"),
					"value", rs.getString("value"), "confidence", rs.getDouble("confidence"), "evidenceCount",
					rs.getInt("evidence_count"), "learned",
					learning.acts(rs.getDouble("confidence"), rs.getInt("evidence_count")), "reason",
					rs.getString("reason")))
			.list());
		entries.sort(Comparator.comparing((Map<String, Object> e) -> (Instant) e.get("at"))
			.thenComparing(e -> KIND_ORDER.indexOf((String) e.get("kind"))));
		return entries;
	}

	private static Map<String, Object> entry(Instant at, String kind, Object... fields) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("at", at);
		entry.put("kind", kind);
		for (int i = 0; i < fields.length; i += 2) {
			entry.put((String) fields[i], fields[i + 1]);
		}
		return entry;
	}

}
