package com.oshun.nurture.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.oshun.nurture.sequence.StepPlanner;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code nurture_step_runs} as rows: an enrollment's planned steps, how they move and
 * end, and what a batch recorded of each. The claim's side of the table is
 * {@link StepQueue}; the channel's receipts come in through {@link DeliveryReceipts}.
 */
@Repository
class StepRunRepository {

	private static final String COLUMNS = "enrollment_id, step_no, contact_id, objective, due_at, status, channel, content, composer, reason, delivery_marker, sent_at";

	private final JdbcClient jdbc;

	StepRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Insert an enrollment's planned steps in one statement. */
	void insertAll(long enrollmentId, long contactId, List<StepPlanner.PlannedStep> planned, Instant now) {
		jdbc.sql("""
				insert into nurture_step_runs
				  (enrollment_id, step_no, contact_id, objective, due_at, status, delivery_marker, updated_at)
				select :enrollment, u.step_no, :contact, u.objective, u.due_at, 'scheduled', u.marker, :now
				from unnest(cast(:stepNo as int[]), cast(:objective as text[]), cast(:due as timestamptz[]),
				            cast(:marker as text[])) as u(step_no, objective, due_at, marker)
				""")
			.param("enrollment", enrollmentId)
			.param("contact", contactId)
			.param("stepNo", planned.stream().map(step -> step.step().stepNo()).toArray(Integer[]::new))
			.param("objective", planned.stream().map(step -> step.step().objective()).toArray(String[]::new))
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

	/** What a batch sent, for {@link #markSentAll}. */
	record Sent(long enrollmentId, int stepNo, String channel, String content, String composer, String composerReason,
			String note, String externalId) {
	}

	/**
	 * Record sent steps in one statement. A channel that already reported a failure turns
	 * the step failed, as {@link DeliveryReceipts#recordDeliveryStatus} does.
	 */
	void markSentAll(List<Sent> sent, Instant now) {
		if (sent.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						update nurture_step_runs s set status = case when s.delivery_status = 'failed' then 'failed' else 'sent' end,
						  reason = case when s.delivery_status = 'failed' then 'failed after sending: ' || s.delivery_error
						                else coalesce(u.note, s.reason) end,
						  channel = u.channel, content = u.content, composer = u.composer, composer_reason = u.composer_reason,
						  external_id = u.external_id, sent_at = :now, lease_until = null, updated_at = :now
						from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:channel as text[]), cast(:content as text[]),
						            cast(:composer as text[]), cast(:composerReason as text[]), cast(:note as text[]),
						            cast(:external as text[]))
						  as u(enrollment_id, step_no, channel, content, composer, composer_reason, note, external_id)
						where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no and s.status = 'sending'
						""")
			.param("e", sent.stream().map(Sent::enrollmentId).toArray(Long[]::new))
			.param("s", sent.stream().map(Sent::stepNo).toArray(Integer[]::new))
			.param("channel", sent.stream().map(Sent::channel).toArray(String[]::new))
			.param("content", sent.stream().map(Sent::content).toArray(String[]::new))
			.param("composer", sent.stream().map(Sent::composer).toArray(String[]::new))
			.param("composerReason", sent.stream().map(Sent::composerReason).toArray(String[]::new))
			.param("note", sent.stream().map(Sent::note).toArray(String[]::new))
			.param("external", sent.stream().map(Sent::externalId).toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.update();
	}

	/** A step finished without a message, for {@link #markUnsentAll}. */
	record Unsent(long enrollmentId, int stepNo, StepRun.Status status, String reason) {
	}

	/**
	 * Finish steps without sending ({@code skipped} or {@code failed}) in one statement.
	 */
	void markUnsentAll(List<Unsent> unsent, Instant now) {
		if (unsent.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						update nurture_step_runs s set status = u.status, reason = u.reason, lease_until = null, updated_at = :now
						from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:status as text[]), cast(:reason as text[]))
						  as u(enrollment_id, step_no, status, reason)
						where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no and s.status in ('scheduled', 'sending')
						""")
			.param("e", unsent.stream().map(Unsent::enrollmentId).toArray(Long[]::new))
			.param("s", unsent.stream().map(Unsent::stepNo).toArray(Integer[]::new))
			.param("status", unsent.stream().map(step -> step.status().value()).toArray(String[]::new))
			.param("reason", unsent.stream().map(Unsent::reason).toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.update();
	}

	/** A contact's last sent step drew no answer; {@code read}: it was read. */
	record Silence(long contactId, String objective, boolean read) {
	}

	/**
	 * For each contact, its last sent step when nothing came back from the contact since:
	 * the silence a new step's departure teaches from.
	 */
	List<Silence> unansweredLastSent(Collection<Long> contactIds) {
		return jdbc.sql("""
				select l.contact_id, l.objective, l.read_at is not null as read
				from (select distinct on (contact_id) contact_id, objective, sent_at, read_at from nurture_step_runs
				      where contact_id = any(:ids) and status = 'sent' order by contact_id, sent_at desc) l
				where not exists (select 1 from messages m
				                  where m.contact_id = l.contact_id and m.direction = 'in' and m.created_at > l.sent_at)
				order by l.contact_id
				""")
			.param("ids", contactIds.toArray(Long[]::new))
			.query((rs, n) -> new Silence(rs.getLong("contact_id"), rs.getString("objective"), rs.getBoolean("read")))
			.list();
	}

	static String prefixed(String alias) {
		return Arrays.stream(COLUMNS.split(", ")).map(column -> alias + "." + column).collect(Collectors.joining(", "));
	}

	static StepRun map(ResultSet rs, int row) throws SQLException {
		return new StepRun(rs.getLong("enrollment_id"), rs.getInt("step_no"), rs.getLong("contact_id"),
				rs.getString("objective"), Timestamps.read(rs, "due_at"), StepRun.Status.of(rs.getString("status")),
				rs.getString("channel"), rs.getString("content"), rs.getString("composer"), rs.getString("reason"),
				rs.getString("delivery_marker"), Timestamps.read(rs, "sent_at"));
	}

}
