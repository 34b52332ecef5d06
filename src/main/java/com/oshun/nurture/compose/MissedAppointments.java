package com.oshun.nurture.compose;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the appointment a contact last missed was to start: the booking most recently
 * marked {@code no_show} (read only; the booking webhooks write {@code bookings}). A
 * no-show whose booking brought no start time is unknown, and so is said no day.
 */
@Component
class MissedAppointments {

	private static final String LATEST = """
			select distinct on (contact_id) contact_id, starts_at from bookings
			where contact_id = any(:ids) and status = 'no_show'
			order by contact_id, coalesce(event_at, updated_at) desc, id desc
			""";

	private final JdbcClient jdbc;

	MissedAppointments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The start of each contact's last missed appointment, where it is known. */
	Map<Long, Instant> startsFor(Collection<Long> contactIds) {
		Map<Long, Instant> starts = new HashMap<>();
		if (contactIds.isEmpty()) {
			return starts;
		}
		jdbc.sql(LATEST).param("ids", contactIds.toArray(Long[]::new)).query((rs, n) -> {
			Instant start = Timestamps.read(rs, "starts_at");
			if (start != null) {
				starts.put(rs.getLong("contact_id"), start);
			}
			return start;
		}).list();
		return starts;
	}

	Instant startFor(long contactId) {
		return startsFor(List.of(contactId)).get(contactId);
	}

}
