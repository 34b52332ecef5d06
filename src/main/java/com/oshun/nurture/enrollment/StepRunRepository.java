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

	/** When the contact read the step's message, if the channel reported it. */
	Optional<Instant> readAt(long enrollmentId, int stepNo) {
		return jdbc.sql("select read_at from nurture_step_runs where enrollment_id = :e and step_no = :s")
			.param("e", enrollmentId)
			.param("s", stepNo)
			.query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "read_at")))
			.optional()
			.flatMap(read -> read);
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
					update nurture_step_runs set status = 'sending', channel = :channel, started_at = :now, updated_at = :now,
					  attempts = attempts + 1
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
			String note, String externalId, Instant now) {
		int updated = jdbc
			.sql("""
					update nurture_step_runs set status = case when delivery_status = 'failed' then 'failed' else 'sent' end,
					  reason = case when delivery_status = 'failed' then 'failed after sending: ' || delivery_error
					                else coalesce(:note, reason) end,
					  channel = :channel, content = :content, composer = :composer, composer_reason = :composerReason,
					  external_id = :external, sent_at = :now, updated_at = :now
					where enrollment_id = :e and step_no = :s and status = 'sending'
					""")
			.param("channel", channel)
			.param("external", externalId)
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

	/** Count another attempt at a step found in flight; answers the attempt number. */
	int countAttempt(long enrollmentId, int stepNo, Instant now) {
		return jdbc.sql("""
				update nurture_step_runs set attempts = attempts + 1, updated_at = :now
				where enrollment_id = :e and step_no = :s and status = 'sending'
				returning attempts
				""")
			.param("now", Timestamps.param(now))
			.param("e", enrollmentId)
			.param("s", stepNo)
			.query(Integer.class)
			.single();
	}

	/** Why a step in flight waits for another attempt. */
	void noteRetry(long enrollmentId, int stepNo, String reason, Instant now) {
		jdbc.sql("""
				update nurture_step_runs set reason = :reason, updated_at = :now
				where enrollment_id = :e and step_no = :s and status = 'sending'
				""")
			.param("reason", reason)
			.param("now", Timestamps.param(now))
			.param("e", enrollmentId)
			.param("s", stepNo)
			.update();
	}

	/**
	 * Record what Chatwoot later said about the message carrying {@code marker}: a
	 * provider id, {@code delivered}, {@code read} or {@code failed}. Statuses only move
	 * forward, as webhooks arrive out of order; a failure turns a sent step into a failed
	 * one, because the contact never got it.
	 * @return whether a step carries the marker
	 */
	/** The contact a delivery marker belongs to. */
	public Optional<Long> contactFor(String marker) {
		return jdbc.sql("select contact_id from nurture_step_runs where delivery_marker = :marker")
			.param("marker", marker)
			.query(Long.class)
			.optional();
	}

	public boolean recordDeliveryStatus(String marker, String status, String providerId, String error, Instant at) {
		return jdbc
			.sql("""
					update nurture_step_runs set
					  provider_id = coalesce(:provider, provider_id),
					  delivery_status = case
					    when delivery_status = 'failed' then delivery_status
					    when cast(:status as text) is null then delivery_status
					    when :status = 'failed' then 'failed'
					    when delivery_status = 'read' then delivery_status
					    when delivery_status = 'delivered' and :status = 'sent' then delivery_status
					    else :status end,
					  delivery_error = case when :status = 'failed' then :error else delivery_error end,
					  delivered_at = case when :status in ('delivered', 'read') then coalesce(delivered_at, :at)
					                      else delivered_at end,
					  read_at = case when :status = 'read' then coalesce(read_at, :at) else read_at end,
					  status = case when :status = 'failed' and status = 'sent' then 'failed' else status end,
					  reason = case when :status = 'failed' and status = 'sent' then 'failed after sending: ' || coalesce(:error, 'unknown error')
					                else reason end,
					  updated_at = :at
					where delivery_marker = :marker
					""")
			.param("provider", providerId)
			.param("status", status)
			.param("error", error)
			.param("at", Timestamps.param(at))
			.param("marker", marker)
			.update() > 0;
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
