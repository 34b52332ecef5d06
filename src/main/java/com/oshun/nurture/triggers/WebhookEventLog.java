package com.oshun.nurture.triggers;

import java.time.Clock;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries already seen. Recording one is the dedupe: for an event applied at once
 * ({@link #first}) it happens in the transaction that applies it, so a failure leaves the
 * event unrecorded and a retry processes it; for a booking delivery it happens as the
 * delivery is stored in the {@link WebhookInbox}, and {@link #applied} marks it when the
 * inbox's worker applies it.
 */
@Repository
public class WebhookEventLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookEventLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * True the first time this source and event id are seen; a concurrent twin waits,
	 * then gets false.
	 */
	public boolean first(String source, String eventId, String type) {
		return jdbc.sql("""
				insert into webhook_events (source, event_id, event_type, received_at, processed_at)
				values (:source, :id, :type, :now, :now)
				on conflict (source, event_id) do nothing
				""")
			.param("source", source)
			.param("id", eventId)
			.param("type", type)
			.param("now", Timestamps.param(clock.instant()))
			.update() == 1;
	}

	/**
	 * Mark a stored event applied: true the first time (false when a delivery carrying
	 * it, with other new events, had it already applied).
	 */
	public boolean applied(String source, String eventId) {
		return jdbc.sql("""
				update webhook_events set processed_at = :now
				where source = :source and event_id = :id and processed_at is null
				""")
			.param("source", source)
			.param("id", eventId)
			.param("now", Timestamps.param(clock.instant()))
			.update() == 1;
	}

}
