package com.oshun.nurture.triggers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code bookings}: what the clinic's booking system told us, by source and its own id.
 */
@Repository
class BookingRepository {

	private static final String COLUMNS = """
			b.source, b.external_id, c.external_id as contact_key, b.status, b.starts_at, b.ends_at, b.service,
			b.procedure, b.event_at, b.completes_after
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	BookingRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A stored booking, with the key of its contact. */
	record Stored(String source, String externalId, String contactKey, String status, Instant startsAt, Instant endsAt,
			String service, String procedure, Instant eventAt, Instant completesAfter) {
	}

	void record(String source, BookingEvent.Booking booking, long contactId, String status) {
		record(source, booking, contactId, status, null, null);
	}

	/**
	 * Insert or update the booking. A null {@code status} keeps the stored one (a new row
	 * is {@code booked}); a status from an event older than the stored one's is ignored,
	 * while the details it brings still fill the gaps.
	 */
	void record(String source, BookingEvent.Booking booking, long contactId, String status, Instant eventAt,
			Instant completesAfter) {
		upsert(source, booking, contactId, status, eventAt, completesAfter, "").update();
	}

	/**
	 * The booking as an event left it: its status, and whether a newer event had set it.
	 */
	record Recorded(String status, boolean late) {

	}

	/**
	 * {@link #record} for an event that happened at {@code eventAt}, answering whether a
	 * newer event had already set the booking's status (the row keeps it; the event's
	 * details still fill the gaps). One statement, under the row's lock, instead of a
	 * read and a write.
	 */
	Recorded recordEvent(String source, BookingEvent.Booking booking, long contactId, String status, Instant eventAt,
			Instant completesAfter) {
		return upsert(source, booking, contactId, status, eventAt, completesAfter,
				"returning status, coalesce(event_at > cast(:eventAt as timestamptz), false) as late")
			.query((rs, row) -> new Recorded(rs.getString("status"), rs.getBoolean("late")))
			.single();
	}

	private JdbcClient.StatementSpec upsert(String source, BookingEvent.Booking booking, long contactId, String status,
			Instant eventAt, Instant completesAfter, String returning) {
		Instant now = clock.instant();
		return jdbc.sql("""
				insert into bookings (source, external_id, contact_id, status, starts_at, ends_at, service, procedure,
				                      event_at, completes_after, created_at, updated_at)
				values (:source, :id, :contact, coalesce(:status, 'booked'), :starts, :ends, :service, :procedure,
				        :eventAt, :completesAfter, :now, :now)
				on conflict (source, external_id) do update set
				  contact_id = excluded.contact_id,
				  status = case when cast(:status as text) is null then bookings.status
				                when bookings.event_at is not null and excluded.event_at < bookings.event_at
				                  then bookings.status
				                else excluded.status end,
				  event_at = greatest(bookings.event_at, excluded.event_at),
				  starts_at = coalesce(excluded.starts_at, bookings.starts_at),
				  ends_at = coalesce(excluded.ends_at, bookings.ends_at),
				  service = coalesce(excluded.service, bookings.service),
				  procedure = coalesce(excluded.procedure, bookings.procedure),
				  completes_after = coalesce(excluded.completes_after, bookings.completes_after),
				  updated_at = excluded.updated_at
				""" + returning)
			.param("source", source)
			.param("id", booking.id())
			.param("contact", contactId)
			.param("status", status)
			.param("starts", Timestamps.param(booking.startsAt()))
			.param("ends", Timestamps.param(booking.endsAt()))
			.param("service", booking.service())
			.param("procedure", booking.procedure())
			.param("eventAt", Timestamps.param(eventAt))
			.param("completesAfter", Timestamps.param(completesAfter))
			.param("now", Timestamps.param(now));
	}

	Optional<Stored> find(String source, String externalId) {
		return jdbc.sql("select " + COLUMNS + """
				 from bookings b join contacts c on c.id = b.contact_id
				where b.source = :source and b.external_id = :id
				""").param("source", source).param("id", externalId).query(BookingRepository::map).optional();
	}

	/**
	 * The bookings whose id starts with {@code prefix} (a Cal.com booking's attendees).
	 */
	List<Stored> findByPrefix(String source, String prefix) {
		return jdbc.sql("select " + COLUMNS + """
				 from bookings b join contacts c on c.id = b.contact_id
				where b.source = :source and b.external_id like :prefix
				order by b.id
				""")
			.param("source", source)
			.param("prefix", prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.query(BookingRepository::map)
			.list();
	}

	/** Booked appointments whose grace period is over with no no-show: visits now. */
	List<Stored> dueForCompletion(Instant now, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from bookings b join contacts c on c.id = b.contact_id
				where b.status = 'booked' and b.completes_after is not null and b.completes_after <= :now
				order by b.completes_after limit :limit
				""").param("now", Timestamps.param(now)).param("limit", limit).query(BookingRepository::map).list();
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getString("source"), rs.getString("external_id"), rs.getString("contact_key"),
				rs.getString("status"), Timestamps.read(rs, "starts_at"), Timestamps.read(rs, "ends_at"),
				rs.getString("service"), rs.getString("procedure"), Timestamps.read(rs, "event_at"),
				Timestamps.read(rs, "completes_after"));
	}

}
