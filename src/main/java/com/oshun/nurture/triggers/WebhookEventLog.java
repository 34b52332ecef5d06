package com.oshun.nurture.triggers;

import java.time.Clock;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries already processed. Recording one is the dedupe: it happens in the
 * transaction that applies the event, so a failure leaves the event unrecorded and a
 * retry processes it.
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
		return jdbc
			.sql("""
					insert into webhook_events (source, event_id, event_type, received_at) values (:source, :id, :type, :now)
					on conflict (source, event_id) do nothing
					""")
			.param("source", source)
			.param("id", eventId)
			.param("type", type)
			.param("now", Timestamps.param(clock.instant()))
			.update() == 1;
	}

}
