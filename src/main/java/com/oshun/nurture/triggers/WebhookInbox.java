package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The booking webhooks' durable inbox: a verified delivery is deduplicated and stored by
 * one statement ({@link #store}), then claimed in batches per lane by the
 * {@link InboxWorkers}, applied, and removed in the transaction that applied it. A lane's
 * rows are taken in id order, and a row that failed holds back the later rows of its
 * contact, so a contact's events are applied in the order they arrived.
 */
@Repository
class WebhookInbox {

	/** One stored delivery. */
	record Delivery(long id, String source, String eventId, String contactKey, byte[] body, Instant receivedAt,
			int attempts) {
	}

	/**
	 * What is waiting: deliveries, the oldest one's arrival, and those held by a failure.
	 */
	record Backlog(long pending, Instant oldest, long failing) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookInbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Record the events' ids (the dedupe) and, when any is new, store the delivery: one
	 * statement, committed on its own. Empty when every event was seen before (a
	 * duplicate).
	 */
	OptionalLong store(String source, List<BookingEvent> events, byte[] body, int lane) {
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < events.size(); i++) {
			values.append((i > 0) ? ", " : "").append("(:id").append(i).append(", :type").append(i).append(')');
		}
		JdbcClient.StatementSpec spec = jdbc
			.sql("""
					with new_events as (
					    insert into webhook_events (source, event_id, event_type, received_at)
					    select :source, e.id, e.type, :now from (values %s) as e (id, type)
					    on conflict (source, event_id) do nothing
					    returning event_id
					)
					insert into nurture_webhook_inbox (source, event_id, contact_key, lane, body, received_at, next_attempt_at)
					select :source, :first, :key, :lane, :body, :now, :now where exists (select 1 from new_events)
					returning id
					"""
				.formatted(values));
		for (int i = 0; i < events.size(); i++) {
			spec = spec.param("id" + i, events.get(i).id()).param("type" + i, events.get(i).type().wireName());
		}
		List<Long> id = spec.param("source", source)
			.param("first", events.get(0).id())
			.param("key", Objects.toString(events.get(0).contactKey(), ""))
			.param("lane", lane)
			.param("body", body)
			.param("now", Timestamps.param(clock.instant()))
			.query(Long.class)
			.list();
		return id.isEmpty() ? OptionalLong.empty() : OptionalLong.of(id.get(0));
	}

	/**
	 * Take the lane for this transaction (false: another node or worker has it), so one
	 * worker applies a lane at a time.
	 */
	boolean lock(int lane, boolean wait) {
		if (wait) {
			jdbc.sql("select pg_advisory_xact_lock(:space, :lane)")
				.param("space", LOCK_SPACE)
				.param("lane", lane)
				.query()
				.singleValue();
			return true;
		}
		return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:space, :lane)")
			.param("space", LOCK_SPACE)
			.param("lane", lane)
			.query(Boolean.class)
			.single());
	}

	/**
	 * The lane's next deliveries due, in arrival order, leaving out those of a contact
	 * whose earlier delivery waits for a retry.
	 */
	List<Delivery> next(int lane, int limit) {
		return jdbc.sql("""
				select id, source, event_id, contact_key, body, received_at, attempts from nurture_webhook_inbox i
				where lane = :lane and next_attempt_at <= :now
				  and not exists (select 1 from nurture_webhook_inbox held
				                  where held.attempts > 0 and held.lane = i.lane and held.contact_key = i.contact_key
				                    and held.id < i.id and held.next_attempt_at > :now)
				order by id limit :limit
				""")
			.param("lane", lane)
			.param("now", Timestamps.param(clock.instant()))
			.param("limit", limit)
			.query((rs, n) -> new Delivery(rs.getLong("id"), rs.getString("source"), rs.getString("event_id"),
					rs.getString("contact_key"), rs.getBytes("body"), Timestamps.read(rs, "received_at"),
					rs.getInt("attempts")))
			.list();
	}

	/** Applied: gone with the transaction that applied them. */
	void remove(List<Delivery> applied) {
		jdbc.sql("delete from nurture_webhook_inbox where id in (:ids)")
			.param("ids", applied.stream().map(Delivery::id).toList())
			.update();
	}

	/**
	 * A delivery that failed to apply waits {@code retryIn}, with its failure's kinds.
	 */
	void hold(Delivery delivery, String failure, Duration retryIn) {
		jdbc.sql("""
				update nurture_webhook_inbox set attempts = attempts + 1, last_error = :failure, next_attempt_at = :next
				where id = :id
				""")
			.param("id", delivery.id())
			.param("failure", failure)
			.param("next", Timestamps.param(clock.instant().plus(retryIn)))
			.update();
	}

	Backlog backlog() {
		return jdbc.sql(
				"select count(*) as pending, min(received_at) as oldest, count(*) filter (where attempts > 0) as failing"
						+ " from nurture_webhook_inbox")
			.query((rs, n) -> new Backlog(rs.getLong("pending"), Timestamps.read(rs, "oldest"), rs.getLong("failing")))
			.single();
	}

	/** The advisory-lock space of the inbox's lanes ("inbx"). */
	private static final int LOCK_SPACE = 0x696e6278;

}
