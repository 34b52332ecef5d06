package com.oshun.nurture.enrollment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.compose.EarlierMessages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A read door to the step table for the composer: the texts of the steps sent to a
 * contact, across all their enrollments, oldest first.
 */
@Component
class SentTexts implements EarlierMessages {

	private final JdbcClient jdbc;

	SentTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> sentTo(long contactId) {
		return sentTo(List.of(contactId)).getOrDefault(contactId, List.of());
	}

	@Override
	public Map<Long, List<String>> sentTo(Collection<Long> contactIds) {
		Map<Long, List<String>> found = new HashMap<>();
		jdbc.sql("""
				select s.contact_id, s.content from nurture_step_runs s
				where s.contact_id = any(:ids) and s.status = 'sent' and s.content is not null
				order by s.contact_id, s.sent_at, s.enrollment_id, s.step_no
				""").param("ids", contactIds.toArray(Long[]::new)).query((rs, n) -> {
			found.computeIfAbsent(rs.getLong("contact_id"), id -> new ArrayList<>()).add(rs.getString("content"));
			return null;
		}).list();
		return found;
	}

}
