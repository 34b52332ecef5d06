package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Instant;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code bookings}: what the clinic's booking system told us, by source and its own id.
 */
@Repository
class BookingRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	BookingRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String source, BookingEvent.Booking booking, long contactId, String status) {
		Instant now = clock.instant();
		jdbc.sql(
				"""
						insert into bookings (source, external_id, contact_id, status, starts_at, service, procedure, created_at, updated_at)
						values (:source, :id, :contact, :status, :starts, :service, :procedure, :now, :now)
						on conflict (source, external_id) do update set
						  contact_id = excluded.contact_id, status = excluded.status,
						  starts_at = coalesce(excluded.starts_at, bookings.starts_at),
						  service = coalesce(excluded.service, bookings.service),
						  procedure = coalesce(excluded.procedure, bookings.procedure), updated_at = excluded.updated_at
						""")
			.param("source", source)
			.param("id", booking.id())
			.param("contact", contactId)
			.param("status", status)
			.param("starts", Timestamps.param(booking.startsAt()))
			.param("service", booking.service())
			.param("procedure", booking.procedure())
			.param("now", Timestamps.param(now))
			.update();
	}

}
