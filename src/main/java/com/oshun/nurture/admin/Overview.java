package com.oshun.nurture.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the dashboard's first page shows: the sends coming up and the live enrollments.
 */
@Component
class Overview {

	private final JdbcClient jdbc;

	Overview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long scheduledBetween(Instant from, Instant to) {
		return jdbc.sql("""
				select count(*) from nurture_step_runs
				where status = 'scheduled' and due_at >= :from and due_at < :to
				""").param("from", Timestamps.param(from)).param("to", Timestamps.param(to)).query(Long.class).single();
	}

	List<Map<String, Object>> upcoming(Instant from, Instant to, int limit) {
		return jdbc.sql("""
				select s.due_at, s.enrollment_id, s.step_no, s.objective, e.sequence_key, c.external_id, c.name
				from nurture_step_runs s
				join nurture_enrollments e on e.id = s.enrollment_id
				join contacts c on c.id = s.contact_id
				where s.status = 'scheduled' and s.due_at >= :from and s.due_at < :to
				order by s.due_at, s.enrollment_id limit :limit
				""")
			.param("from", Timestamps.param(from))
			.param("to", Timestamps.param(to))
			.param("limit", limit)
			.query((rs, n) -> {
				Map<String, Object> step = new LinkedHashMap<>();
				step.put("dueAt", Timestamps.read(rs, "due_at"));
				step.put("enrollmentId", rs.getLong("enrollment_id"));
				step.put("stepNo", rs.getInt("step_no"));
				step.put("objective", rs.getString("objective"));
				step.put("sequence", rs.getString("sequence_key"));
				step.put("contactExternalId", rs.getString("external_id"));
				step.put("contactName", rs.getString("name"));
				return step;
			})
			.list();
	}

	List<Map<String, Object>> liveBySequence() {
		return jdbc.sql("""
				select sequence_key,
				       count(*) filter (where status = 'active') as active,
				       count(*) filter (where status = 'paused') as paused
				from nurture_enrollments where status in ('active', 'paused')
				group by sequence_key order by sequence_key
				""").query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("sequence", rs.getString("sequence_key"));
			row.put("active", rs.getLong("active"));
			row.put("paused", rs.getLong("paused"));
			return row;
		}).list();
	}

}
