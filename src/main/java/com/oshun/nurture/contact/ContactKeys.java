package com.oshun.nurture.contact;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The door to a contact's keys for other modules: the names other systems know a contact
 * by ({@code chatwoot:<id>}, a booking system's attendee key), which only this module
 * writes.
 */
@Repository
public class ContactKeys {

	private final JdbcClient jdbc;

	ContactKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The contact's first key with this prefix, without the prefix. */
	public Optional<String> find(long contactId, String prefix) {
		return jdbc.sql("""
				select key from contact_keys where contact_id = :contact and key like :prefix || '%'
				order by key limit 1
				""")
			.param("contact", contactId)
			.param("prefix", prefix)
			.query(String.class)
			.optional()
			.map(key -> key.substring(prefix.length()));
	}

	/** One more key for the contact; a key that already names someone stays theirs. */
	public void add(long contactId, String key) {
		jdbc.sql("insert into contact_keys (key, contact_id) values (:key, :contact) on conflict (key) do nothing")
			.param("key", key)
			.param("contact", contactId)
			.update();
	}

}
