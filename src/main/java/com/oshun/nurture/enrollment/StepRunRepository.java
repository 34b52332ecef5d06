package com.oshun.nurture.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code nurture_step_runs}: each step's plan and outcome.
 */
@Repository
public class StepRunRepository {

	private static final String COLUMNS = "enrollment_id, step_no, contact_id, objective, due_at, status, channel, content, composer, reason, delivery_marker, sent_at";

	private final JdbcClient jdbc;

	StepRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long enrollmentId, long contactId, int stepNo, String objective, Instant dueAt, Instant now) {
		jdbc.sql("""
				insert into nurture_step_runs
				  (enrollment_id, step_no, contact_id, objective, due_at, status, delivery_marker, updated_at)
				values (:enrollment, :stepNo, :contact, :objective, :due, 'scheduled', :marker, :now)
				""")
			.param("enrollment", enrollmentId)
			.param("stepNo", stepNo)
			.param("contact", contactId)
			.param("objective", objective)
			.param("due", Timestamps.param(dueAt))
			.param("marker", StepRun.markerFor(enrollmentId, stepNo))
			.param("now", Timestamps.param(now))
			.update();
	}

	public Optional<StepRun> find(long enrollmentId, int stepNo) {
		return jdbc.sql("select " + COLUMNS + " from nurture_step_runs where enrollment_id = :e and step_no = :s")
			.param("e", enrollmentId)
			.param("s", stepNo)
			.query(StepRunRepository::map)
			.optional();
	}

	public List<StepRun> forEnrollment(long enrollmentId) {
		return jdbc.sql("select " + COLUMNS + " from nurture_step_runs where enrollment_id = :e order by step_no")
			.param("e", enrollmentId)
			.query(StepRunRepository::map)
			.list();
	}

	/** Cancel every step still waiting; answer their job instance ids. */
	List<Integer> cancelPending(long enrollmentId, String reason, Instant now) {
		return jdbc.sql("""
				update nurture_step_runs set status = 'cancelled', reason = :reason, updated_at = :now
				where enrollment_id = :e and status = 'scheduled'
				returning step_no
				""")
			.param("reason", reason)
			.param("now", Timestamps.param(now))
			.param("e", enrollmentId)
			.query(Integer.class)
			.list();
	}

	/**
	 * Note on a step already being sent that the enrollment ended while it was in flight.
	 */
	void noteInFlight(long enrollmentId, String reason, Instant now) {
		jdbc.sql("""
				update nurture_step_runs set reason = :reason, updated_at = :now
				where enrollment_id = :e and status = 'sending'
				""").param("reason", reason).param("now", Timestamps.param(now)).param("e", enrollmentId).update();
	}

	List<StepRun> pending(long enrollmentId) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from nurture_step_runs where enrollment_id = :e and status = 'scheduled' order by step_no")
			.param("e", enrollmentId)
			.query(StepRunRepository::map)
			.list();
	}

	/** The contact's most recently sent step, across enrollments. */
	Optional<StepRun> lastSent(long contactId) {
		return jdbc.sql("select " + COLUMNS + """
				 from nurture_step_runs where contact_id = :contact and status = 'sent'
				order by sent_at desc limit 1
				""").param("contact", contactId).query(StepRunRepository::map).optional();
	}

	/** When the contact's last message of this sequence went out. */
	Optional<Instant> lastSentIn(long contactId, String sequence) {
		return jdbc
			.sql("""
					select max(s.sent_at) as at from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
					where s.contact_id = :contact and e.sequence_key = :sequence and s.status = 'sent'
					""")
			.param("contact", contactId)
			.param("sequence", sequence)
			.query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "at")))
			.single();
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

	void markSending(long enrollmentId, int stepNo, String channel, Instant now) {
		int updated = jdbc
			.sql("""
					update nurture_step_runs set status = 'sending', channel = :channel, started_at = :now, updated_at = :now
					where enrollment_id = :e and step_no = :s and status = 'scheduled'
					""")
			.param("channel", channel)
			.param("now", Timestamps.param(now))
			.param("e", enrollmentId)
			.param("s", stepNo)
			.update();
		requireOne(updated, enrollmentId, stepNo, StepRun.SCHEDULED);
	}

	void markSent(long enrollmentId, int stepNo, String channel, String content, String composer, String composerReason,
			String note, Instant now) {
		int updated = jdbc.sql("""
				update nurture_step_runs set status = 'sent', channel = :channel, content = :content,
				  composer = :composer, composer_reason = :composerReason, reason = coalesce(:note, reason),
				  sent_at = :now, updated_at = :now
				where enrollment_id = :e and step_no = :s and status = 'sending'
				""")
			.param("channel", channel)
			.param("content", content)
			.param("composer", composer)
			.param("composerReason", composerReason)
			.param("note", note)
			.param("now", Timestamps.param(now))
			.param("e", enrollmentId)
			.param("s", stepNo)
			.update();
		requireOne(updated, enrollmentId, stepNo, StepRun.SENDING);
	}

	/** Finish a step without sending: {@code skipped} or {@code failed}, with why. */
	void markUnsent(long enrollmentId, int stepNo, String status, String reason, Instant now) {
		int updated = jdbc.sql("""
				update nurture_step_runs set status = :status, reason = :reason, updated_at = :now
				where enrollment_id = :e and step_no = :s and status in ('scheduled', 'sending')
				""")
			.param("status", status)
			.param("reason", reason)
			.param("now", Timestamps.param(now))
			.param("e", enrollmentId)
			.param("s", stepNo)
			.update();
		requireOne(updated, enrollmentId, stepNo, "scheduled or sending");
	}

	private static void requireOne(int updated, long enrollmentId, int stepNo, String expected) {
		if (updated != 1) {
			throw new IllegalStateException("step " + enrollmentId + "/" + stepNo + " is not " + expected);
		}
	}

	static StepRun map(ResultSet rs, int row) throws SQLException {
		return new StepRun(rs.getLong("enrollment_id"), rs.getInt("step_no"), rs.getLong("contact_id"),
				rs.getString("objective"), Timestamps.read(rs, "due_at"), rs.getString("status"),
				rs.getString("channel"), rs.getString("content"), rs.getString("composer"), rs.getString("reason"),
				rs.getString("delivery_marker"), Timestamps.read(rs, "sent_at"));
	}

}
