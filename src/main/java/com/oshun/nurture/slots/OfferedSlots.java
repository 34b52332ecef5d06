package com.oshun.nurture.slots;

import java.time.Instant;
import java.util.List;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The slots a sent step offered, in the order its message numbered them
 * ({@code nurture_offered_slots}, V15), so that a later reply "2" means the second.
 */
@Repository
public class OfferedSlots {

	private final JdbcClient jdbc;

	OfferedSlots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Step {@code stepNo} of {@code enrollmentId} offered {@code slots} at {@code at}.
	 */
	public void remember(long contactId, long enrollmentId, int stepNo, List<Slot> slots, Instant at) {
		for (int i = 0; i < slots.size(); i++) {
			jdbc.sql(
					"""
							insert into nurture_offered_slots (enrollment_id, step_no, position, contact_id, starts_at, link, offered_at)
							values (:enrollment, :step, :position, :contact, :start, :link, :at)
							on conflict (enrollment_id, step_no, position) do update
							   set starts_at = excluded.starts_at, link = excluded.link, offered_at = excluded.offered_at
							""")
				.param("enrollment", enrollmentId)
				.param("step", stepNo)
				.param("position", i + 1)
				.param("contact", contactId)
				.param("start", Timestamps.param(slots.get(i).start()))
				.param("link", slots.get(i).link())
				.param("at", Timestamps.param(at))
				.update();
		}
	}

	/**
	 * The slots of the contact's last offer made after {@code since}, in their order;
	 * those already started by {@code now} are left out.
	 */
	List<Slot> lastOffer(long contactId, Instant since, Instant now) {
		List<Offered> rows = jdbc.sql("""
				select enrollment_id, step_no, position, starts_at, link from nurture_offered_slots
				where contact_id = :contact and offered_at >= :since
				order by offered_at desc, enrollment_id desc, step_no desc, position
				""")
			.param("contact", contactId)
			.param("since", Timestamps.param(since))
			.query((rs, n) -> new Offered(rs.getLong("enrollment_id"), rs.getInt("step_no"),
					new Slot(Timestamps.read(rs, "starts_at"), rs.getString("link"))))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Offered last = rows.get(0);
		return rows.stream()
			.filter(row -> row.enrollmentId() == last.enrollmentId() && row.stepNo() == last.stepNo())
			.map(Offered::slot)
			.filter(slot -> slot.start().isAfter(now))
			.toList();
	}

	private record Offered(long enrollmentId, int stepNo, Slot slot) {
	}

}
