package com.oshun.nurture.triggers;

import java.time.Clock;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code triggers} table: what happened to a contact that could start re-engagement,
 * and what came of it.
 */
@Repository
class TriggerLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	TriggerLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(long contactId, String kind, String source, String eventId, String outcome) {
		jdbc.sql("""
				insert into triggers (contact_id, kind, source, event_id, occurred_at, outcome)
				values (:contact, :kind, :source, :event, :now, :outcome)
				""")
			.param("contact", contactId)
			.param("kind", kind)
			.param("source", source)
			.param("event", eventId)
			.param("now", Timestamps.param(clock.instant()))
			.param("outcome", outcome)
			.update();
	}

}
