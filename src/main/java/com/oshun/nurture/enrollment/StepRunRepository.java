package com.oshun.nurture.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.oshun.nurture.sequence.StepPlanner;
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

	/** The contact a delivery marker belongs to. */
	public Optional<Long> contactFor(String marker) {
		return jdbc.sql("select contact_id from nurture_step_runs where delivery_marker = :marker")
			.param("marker", marker)
			.query(Long.class)
			.optional();
	}

	/**
	 * Record what Chatwoot later said about the message carrying {@code marker}: a
	 * provider id, {@code delivered}, {@code read} or {@code failed}. Statuses only move
	 * forward, as webhooks arrive out of order; a failure turns a sent step into a failed
	 * one, because the contact never got it.
	 * @return whether a step carries the marker
	 */
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

	/** A step a worker holds: its row, and the attempt this is. */
	record Held(StepRun step, int attempt) {

		String key() {
			return step.enrollmentId() + "/" + step.stepNo();
		}

	}

	/**
	 * Lock up to {@code limit} scheduled steps of active enrollments that are due, oldest
	 * first, skipping rows another worker holds. A step whose contact has one in flight
	 * waits for it, and is passed over here so that it cannot fill a batch and starve the
	 * steps behind it.
	 */
	List<StepRun> lockDue(Instant now, int limit) {
		return jdbc
			.sql("select " + prefixed("s")
					+ """
							 from nurture_step_runs s
							where s.status = 'scheduled' and s.due_at <= :now
							  and exists (select 1 from nurture_enrollments e where e.id = s.enrollment_id and e.status = 'active')
							  and not exists (select 1 from nurture_step_runs f where f.contact_id = s.contact_id and f.lease_until is not null and f.status = 'sending')
							order by s.due_at limit :limit
							for update of s skip locked
							""")
			.param("now", Timestamps.param(now))
			.param("limit", limit)
			.query(StepRunRepository::map)
			.list();
	}

	/**
	 * Lock up to {@code limit} steps in flight whose lease has run out: their node died,
	 * or a delivery asked to be retried at that time. Answers them with the attempt they
	 * start now.
	 */
	List<Held> lockExpired(Instant now, int limit) {
		return jdbc.sql("select " + prefixed("s") + """
				, s.attempts from nurture_step_runs s
				where s.lease_until <= :now and s.status = 'sending'
				order by s.lease_until limit :limit
				for update of s skip locked
				""")
			.param("now", Timestamps.param(now))
			.param("limit", limit)
			.query((rs, n) -> new Held(map(rs, n), rs.getInt("attempts") + 1))
			.list();
	}

	/** Which of these contacts have a step in flight. */
	Set<Long> contactsInFlight(Collection<Long> contactIds) {
		return new HashSet<>(jdbc.sql("""
				select distinct contact_id from nurture_step_runs
				where contact_id = any(:ids) and lease_until is not null and status = 'sending'
				""").param("ids", contactIds.toArray(Long[]::new)).query(Long.class).list());
	}

	/**
	 * Mark held steps {@code sending} under a lease that ends at {@code leaseUntil}, one
	 * statement for the batch; a step started afresh takes its channel.
	 */
	void hold(List<Held> held, Map<String, String> channels, Instant now, Instant leaseUntil) {
		if (held.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update nurture_step_runs s set status = 'sending', attempts = u.attempt,
				  channel = coalesce(u.channel, s.channel), started_at = coalesce(s.started_at, :now),
				  lease_until = :lease, updated_at = :now
				from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:a as int[]), cast(:c as text[]))
				  as u(enrollment_id, step_no, attempt, channel)
				where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no
				""")
			.param("e", held.stream().map(h -> h.step().enrollmentId()).toArray(Long[]::new))
			.param("s", held.stream().map(h -> h.step().stepNo()).toArray(Integer[]::new))
			.param("a", held.stream().map(Held::attempt).toArray(Integer[]::new))
			.param("c", held.stream().map(h -> channels.get(h.key())).toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.param("lease", Timestamps.param(leaseUntil))
			.update();
	}

	/** Extend the lease of steps this node is still working on. */
	void renewLeases(Collection<Held> held, Instant leaseUntil) {
		if (held.isEmpty()) {
			return;
		}
		// A step whose row is locked is being recorded right now: it needs no lease, and
		// waiting for it could deadlock with the batch that records it.
		jdbc.sql("""
				update nurture_step_runs s set lease_until = :lease
				where (s.enrollment_id, s.step_no) in (
				  select r.enrollment_id, r.step_no from nurture_step_runs r
				  join unnest(cast(:e as bigint[]), cast(:s as int[])) as u(enrollment_id, step_no)
				    on r.enrollment_id = u.enrollment_id and r.step_no = u.step_no
				  where r.status = 'sending'
				  for update of r skip locked)
				""")
			.param("e", held.stream().map(h -> h.step().enrollmentId()).toArray(Long[]::new))
			.param("s", held.stream().map(h -> h.step().stepNo()).toArray(Integer[]::new))
			.param("lease", Timestamps.param(leaseUntil))
			.update();
	}

	/** What a batch sent, for {@link #markSentAll}. */
	record Sent(long enrollmentId, int stepNo, String channel, String content, String composer, String composerReason,
			String note, String externalId) {
	}

	/**
	 * Record sent steps in one statement. A channel that already reported a failure turns
	 * the step failed, as {@link #recordDeliveryStatus} does.
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

	/** A step that waits: a new due time, or (in flight) the time of its next attempt. */
	record Deferral(long enrollmentId, int stepNo, Instant until, String reason) {
	}

	/** Move scheduled steps later, noting why, in one statement. */
	void deferAll(List<Deferral> deferrals, Instant now) {
		updateTimes(deferrals, "due_at", "scheduled", now);
	}

	/**
	 * Steps in flight whose delivery asked to be retried: their lease ends at the retry
	 * time, when another attempt claims them.
	 */
	void retryAll(List<Deferral> retries, Instant now) {
		updateTimes(retries, "lease_until", "sending", now);
	}

	private void updateTimes(List<Deferral> deferrals, String column, String status, Instant now) {
		if (deferrals.isEmpty()) {
			return;
		}
		jdbc.sql("update nurture_step_runs s set " + column
				+ """
						 = u.until, reason = coalesce(u.reason, s.reason), updated_at = :now
						from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:until as timestamptz[]), cast(:reason as text[]))
						  as u(enrollment_id, step_no, until, reason)
						where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no and s.status = :status
						""")
			.param("e", deferrals.stream().map(Deferral::enrollmentId).toArray(Long[]::new))
			.param("s", deferrals.stream().map(Deferral::stepNo).toArray(Integer[]::new))
			.param("until", deferrals.stream().map(d -> d.until().toString()).toArray(String[]::new))
			.param("reason", deferrals.stream().map(Deferral::reason).toArray(String[]::new))
			.param("status", status)
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

	/**
	 * The earliest time a step can be claimed: a due time (of a step whose contact has
	 * none in flight) or the end of a lease. For the simulated clock.
	 */
	public Optional<Instant> nextDue() {
		return jdbc
			.sql("""
					select least((select min(s.due_at) from nurture_step_runs s
					              where s.status = 'scheduled'
					                and exists (select 1 from nurture_enrollments e
					                            where e.id = s.enrollment_id and e.status = 'active')
					                and not exists (select 1 from nurture_step_runs f
					                                where f.contact_id = s.contact_id and f.lease_until is not null and f.status = 'sending')),
					             (select min(lease_until) from nurture_step_runs
					              where lease_until is not null and status = 'sending')) as next
					""")
			.query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "next")))
			.single();
	}

	private static String prefixed(String alias) {
		return Arrays.stream(COLUMNS.split(", ")).map(column -> alias + "." + column).collect(Collectors.joining(", "));
	}

	static StepRun map(ResultSet rs, int row) throws SQLException {
		return new StepRun(rs.getLong("enrollment_id"), rs.getInt("step_no"), rs.getLong("contact_id"),
				rs.getString("objective"), Timestamps.read(rs, "due_at"), StepRun.Status.of(rs.getString("status")),
				rs.getString("channel"), rs.getString("content"), rs.getString("composer"), rs.getString("reason"),
				rs.getString("delivery_marker"), Timestamps.read(rs, "sent_at"));
	}

}
