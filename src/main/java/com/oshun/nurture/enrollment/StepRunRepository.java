package com.oshun.nurture.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.oshun.nurture.sequence.StepPlanner;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code nurture_step_runs} as an enrollment's rows: its planned steps, how they move and
 * end with it, and what a reply asks of the last one sent. The engine's side of the table
 * is {@link StepQueue} (claim and lease) and {@link StepCompletions} (record); the
 * channel's receipts come in through {@link DeliveryReceipts}.
 */
@Repository
class StepRunRepository {

	private static final String COLUMNS = "enrollment_id, step_no, contact_id, objective, due_at, status, channel, content, composer, reason, delivery_marker, sent_at, variant";

	private final JdbcClient jdbc;

	StepRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Insert an enrollment's planned steps in one statement. */
	void insertAll(long enrollmentId, long contactId, List<StepPlanner.PlannedStep> planned, Instant now) {
		jdbc.sql("""
				insert into nurture_step_runs
				  (enrollment_id, step_no, contact_id, objective, variant, due_at, status, delivery_marker, updated_at)
				select :enrollment, u.step_no, :contact, u.objective, u.variant, u.due_at, 'scheduled', u.marker, :now
				from unnest(cast(:stepNo as int[]), cast(:objective as text[]), cast(:variant as text[]),
				            cast(:due as timestamptz[]), cast(:marker as text[]))
				     as u(step_no, objective, variant, due_at, marker)
				""")
			.param("enrollment", enrollmentId)
			.param("contact", contactId)
			.param("stepNo", planned.stream().map(step -> step.step().stepNo()).toArray(Integer[]::new))
			.param("objective", planned.stream().map(StepPlanner.PlannedStep::objective).toArray(String[]::new))
			.param("variant", planned.stream().map(StepPlanner.PlannedStep::variant).toArray(String[]::new))
			.param("due", planned.stream().map(step -> step.dueAt().toString()).toArray(String[]::new))
			.param("marker",
					planned.stream()
						.map(step -> StepRun.markerFor(enrollmentId, step.step().stepNo()))
						.toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.update();
	}

	List<StepRun> forEnrollment(long enrollmentId) {
		return jdbc.sql("select " + COLUMNS + " from nurture_step_runs where enrollment_id = :e order by step_no")
			.param("e", enrollmentId)
			.query(StepRunRepository::map)
			.list();
	}

	/**
	 * An enrollment ended: cancel every step still waiting and note on a step in flight
	 * that the enrollment ended while it was being sent, in one statement.
	 */
	void endPending(long enrollmentId, String cancelled, String inFlight, Instant now) {
		jdbc.sql("""
				update nurture_step_runs
				set status = case when status = 'scheduled' then 'cancelled' else status end,
				    reason = case when status = 'scheduled' then :cancelled else :inFlight end, updated_at = :now
				where enrollment_id = :e and status in ('scheduled', 'sending')
				""")
			.param("cancelled", cancelled)
			.param("inFlight", inFlight)
			.param("now", Timestamps.param(now))
			.param("e", enrollmentId)
			.update();
	}

	List<StepRun> pending(long enrollmentId) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from nurture_step_runs where enrollment_id = :e and status = 'scheduled' order by step_no")
			.param("e", enrollmentId)
			.query(StepRunRepository::map)
			.list();
	}

	/** The next scheduled step of the contact's active enrollment, if any. */
	Optional<StepRun> nextPending(long contactId) {
		return jdbc
			.sql("select " + COLUMNS
					+ """
							 from nurture_step_runs where contact_id = :contact and status = 'scheduled'
							and enrollment_id in (select id from nurture_enrollments where contact_id = :contact and status = 'active')
							order by due_at, step_no limit 1
							""")
			.param("contact", contactId)
			.query(StepRunRepository::map)
			.optional();
	}

	/** The contact's most recently sent step, across enrollments. */
	Optional<StepRun> lastSent(long contactId) {
		return jdbc.sql("select " + COLUMNS + """
				 from nurture_step_runs where contact_id = :contact and status = 'sent'
				order by sent_at desc limit 1
				""").param("contact", contactId).query(StepRunRepository::map).optional();
	}

	boolean anyUnfinished(long enrollmentId) {
		return jdbc.sql("""
				select exists (select 1 from nurture_step_runs
				               where enrollment_id = :e and status in ('scheduled', 'sending'))
				""").param("e", enrollmentId).query(Boolean.class).single();
	}

	void reschedule(long enrollmentId, int stepNo, Instant dueAt, Instant now) {
		reschedule(enrollmentId, stepNo, dueAt, null, now);
	}

	/**
	 * Move a step, noting why it waits (a frequency cap, a live conversation) when
	 * {@code reason} is given.
	 */
	void reschedule(long enrollmentId, int stepNo, Instant dueAt, String reason, Instant now) {
		jdbc.sql("""
				update nurture_step_runs set due_at = :due, reason = coalesce(:reason, reason), updated_at = :now
				where enrollment_id = :e and step_no = :s
				""")
			.param("due", Timestamps.param(dueAt))
			.param("reason", reason)
			.param("now", Timestamps.param(now))
			.param("e", enrollmentId)
			.param("s", stepNo)
			.update();
	}

	/**
	 * Move the contact's scheduled steps of live enrollments that wait, for one of
	 * {@code reasons} (prefixes), until later than {@code now}, to {@code now}.
	 * @return how many moved
	 */
	int releaseHeld(long contactId, List<String> reasons, String reason, Instant now) {
		return jdbc
			.sql("""
					update nurture_step_runs set due_at = :now, reason = :reason, updated_at = :now
					where contact_id = :contact and status = 'scheduled' and due_at > :now
					  and reason like any (cast(:patterns as text[]))
					  and enrollment_id in (select id from nurture_enrollments where contact_id = :contact and status = 'active')
					""")
			.param("contact", contactId)
			.param("patterns", reasons.stream().map(prefix -> prefix + "%").toArray(String[]::new))
			.param("reason", reason)
			.param("now", Timestamps.param(now))
			.update();
	}

	static String prefixed(String alias) {
		return Arrays.stream(COLUMNS.split(", ")).map(column -> alias + "." + column).collect(Collectors.joining(", "));
	}

	static StepRun map(ResultSet rs, int row) throws SQLException {
		return new StepRun(rs.getLong("enrollment_id"), rs.getInt("step_no"), rs.getLong("contact_id"),
				rs.getString("objective"), Timestamps.read(rs, "due_at"), StepRun.Status.of(rs.getString("status")),
				rs.getString("channel"), rs.getString("content"), rs.getString("composer"), rs.getString("reason"),
				rs.getString("delivery_marker"), Timestamps.read(rs, "sent_at"), rs.getString("variant"));
	}

}
