package com.oshun.nurture.preferences;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code contact_preferences}: one row per contact and key, and
 * {@code preference_changes}: why each one changed.
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

	/** The preferences of each of these contacts, by key. */
	public Map<Long, List<Preference>> forContacts(Collection<Long> contactIds) {
		Map<Long, List<Preference>> found = new HashMap<>();
		jdbc.sql("""
				select contact_id, key, value, confidence, evidence_count, updated_at from contact_preferences
				where contact_id = any(:ids) order by contact_id, key
				""").param("ids", contactIds.toArray(Long[]::new)).query((rs, n) -> {
			found.computeIfAbsent(rs.getLong("contact_id"), id -> new ArrayList<>())
				.add(new Preference(rs.getString("key"), rs.getString("value"), rs.getDouble("confidence"),
						rs.getInt("evidence_count"), Timestamps.read(rs, "updated_at")));
			return null;
		}).list();
		return found;
	}

	/** A preference, if it is at least {@code threshold} sure. */
	public Optional<Preference> find(long contactId, String key, double threshold) {
		return forContact(contactId).stream()
			.filter(preference -> preference.key().equals(key) && preference.confidence() >= threshold)
			.findFirst();
	}

	/** The evidence behind a preference, locked until the transaction ends. */
	Optional<Evidence> lockEvidence(long contactId, String key) {
		return jdbc.sql("""
				select value, matching, contrary from contact_preferences
				where contact_id = :contact and key = :key for update
				""")
			.param("contact", contactId)
			.param("key", key)
			.query((rs, n) -> new Evidence(rs.getString("value"), rs.getInt("matching"), rs.getInt("contrary")))
			.optional();
	}

	void save(long contactId, String key, Evidence evidence, String reason, Instant at) {
		jdbc.sql(
				"""
						insert into contact_preferences (contact_id, key, value, confidence, evidence_count, matching, contrary, updated_at)
						values (:contact, :key, :value, :confidence, :count, :matching, :contrary, :at)
						on conflict (contact_id, key) do update set value = excluded.value, confidence = excluded.confidence,
						  evidence_count = excluded.evidence_count, matching = excluded.matching,
						  contrary = excluded.contrary, updated_at = excluded.updated_at
						""")
			.param("contact", contactId)
			.param("key", key)
			.param("value", evidence.value())
			.param("confidence", evidence.confidence())
			.param("count", evidence.count())
			.param("matching", evidence.matching())
			.param("contrary", evidence.contrary())
			.param("at", Timestamps.param(at))
			.update();
		jdbc.sql("""
				insert into preference_changes (contact_id, key, value, confidence, evidence_count, reason, changed_at)
				values (:contact, :key, :value, :confidence, :count, :reason, :at)
				""")
			.param("contact", contactId)
			.param("key", key)
			.param("value", evidence.value())
			.param("confidence", evidence.confidence())
			.param("count", evidence.count())
			.param("reason", reason)
			.param("at", Timestamps.param(at))
			.update();
	}

}
