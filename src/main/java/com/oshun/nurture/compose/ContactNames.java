package com.oshun.nurture.compose;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Looks up other contacts by full name, through the index on {@code lower(name)}.
 */
@Repository
class ContactNames implements OtherContacts {

	private final JdbcClient jdbc;

	ContactNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean anyNamed(long contactId, List<String> fullNames) {
		if (fullNames.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				select exists (select 1 from contacts where id <> :contact and lower(name) = any(:names))
				""")
			.param("contact", contactId)
			.param("names", fullNames.stream().map(String::toLowerCase).toArray(String[]::new))
			.query(Boolean.class)
			.single();
	}

}
