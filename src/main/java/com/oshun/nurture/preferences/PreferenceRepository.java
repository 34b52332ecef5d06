package com.oshun.nurture.preferences;

import java.util.List;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code contact_preferences}: one row per contact and key.
 */
@Repository
public class PreferenceRepository {

	private final JdbcClient jdbc;

	PreferenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Preference> forContact(long contactId) {
		return jdbc.sql("""
				select key, value, confidence, evidence_count, updated_at from contact_preferences
				where contact_id = :contact order by key
				""")
			.param("contact", contactId)
			.query((rs, n) -> new Preference(rs.getString("key"), rs.getString("value"), rs.getDouble("confidence"),
					rs.getInt("evidence_count"), Timestamps.read(rs, "updated_at")))
			.list();
	}

}
