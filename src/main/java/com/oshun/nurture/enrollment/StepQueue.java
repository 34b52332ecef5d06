package com.oshun.nurture.enrollment;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code nurture_step_runs} as the queue the engine claims from: which steps are due,
 * which are in flight under a lease, and the moves of a claim. What a claim may take is
 * written once, here: {@link #IN_FLIGHT} and {@link #CLAIMABLE}.
 */
@Repository
class StepQueue {

	/**
	 * A step in flight: {@code sending} under a lease. The lease comes first, as the
	 * predicate of the lease index that serves it.
	 */
	private static final String IN_FLIGHT = "%1$s.lease_until is not null and %1$s.status = 'sending'";

	/**
	 * A step the claim may take once due: scheduled, its enrollment active, and no step
	 * of its contact in flight (that one goes first, so that one contact never has two
	 * messages composed at once).
	 */
	private static final String CLAIMABLE = """
			s.status = 'scheduled'
			  and exists (select 1 from nurture_enrollments e where e.id = s.enrollment_id and e.status = 'active')
			  and not exists (select 1 from nurture_step_runs f where f.contact_id = s.contact_id and %s)
			""".formatted(inFlight("f"));

	private final JdbcClient jdbc;

	StepQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A scheduled step that must wait until {@code until}, and why. */
	record Deferral(long enrollmentId, int stepNo, Instant until, String reason) {
	}

	/**
	 * Lock up to {@code limit} claimable steps that are due, oldest first, skipping rows
	 * another worker holds. A step whose contact has one in flight is passed over here so
	 * that it cannot fill a batch and starve the steps behind it.
	 */
	List<StepRun> lockDue(Instant now, int limit) {
		return jdbc
			.sql("select " + StepRunRepository.prefixed("s") + " from nurture_step_runs s where " + CLAIMABLE + """
					  and s.due_at <= :now
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
	List<HeldStep> lockExpired(Instant now, int limit) {
		return jdbc
			.sql("select " + StepRunRepository.prefixed("s") + ", s.attempts from nurture_step_runs s where "
					+ inFlight("s") + """
							  and s.lease_until <= :now
							order by s.lease_until limit :limit
							for update of s skip locked
							""")
			.param("now", Timestamps.param(now))
			.param("limit", limit)
			.query((rs, n) -> new HeldStep(StepRunRepository.map(rs, n), rs.getInt("attempts") + 1))
			.list();
	}

	/** Which of these contacts have a step in flight. */
	Set<Long> contactsInFlight(Collection<Long> contactIds) {
		return new HashSet<>(jdbc
			.sql("select distinct c.contact_id from nurture_step_runs c where c.contact_id = any(:ids) and "
					+ inFlight("c"))
			.param("ids", contactIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/**
	 * When each of these contacts was last sent a message of {@code sequence}; a contact
	 * never sent one is absent.
	 */
	Map<Long, Instant> lastSentIn(Collection<Long> contactIds, SequenceKey sequence) {
		return jdbc.sql("""
				select s.contact_id, max(s.sent_at) as at
				from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
				where s.contact_id = any(:ids) and e.sequence_key = :sequence and s.status = 'sent'
				group by s.contact_id
				""")
			.param("ids", contactIds.toArray(Long[]::new))
			.param("sequence", sequence.key())
			.query((rs, n) -> Map.entry(rs.getLong("contact_id"), Timestamps.read(rs, "at")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Mark held steps {@code sending} under a lease that ends at {@code leaseUntil}, one
	 * statement for the batch; a step started afresh takes its channel. The claim holds
	 * their row locks, so every one of them is marked.
	 */
	void hold(List<HeldStep> held, Map<String, String> channels, Instant now, Instant leaseUntil) {
		if (held.isEmpty()) {
			return;
		}
		int marked = jdbc.sql("""
				update nurture_step_runs s set status = 'sending', attempts = u.attempt,
				  channel = coalesce(u.channel, s.channel), started_at = coalesce(s.started_at, :now),
				  lease_until = :lease, updated_at = :now
				from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:a as int[]), cast(:c as text[]))
				  as u(enrollment_id, step_no, attempt, channel)
				where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no
				""")
			.param("e", held.stream().map(h -> h.step().enrollmentId()).toArray(Long[]::new))
			.param("s", held.stream().map(h -> h.step().stepNo()).toArray(Integer[]::new))
			.param("a", held.stream().map(HeldStep::attempt).toArray(Integer[]::new))
			.param("c", held.stream().map(h -> channels.get(h.key())).toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.param("lease", Timestamps.param(leaseUntil))
			.update();
		requireAll("marked sending", held.size(), marked);
	}

	/**
	 * Extend the lease of steps this node is still working on, those still at the attempt
	 * it holds.
	 */
	void renewLeases(Collection<HeldStep> held, Instant leaseUntil) {
		if (held.isEmpty()) {
			return;
		}
		// A step whose row is locked is being recorded right now: it needs no lease, and
		// waiting for it could deadlock with the batch that records it.
		jdbc.sql(
				"""
						update nurture_step_runs s set lease_until = :lease
						where (s.enrollment_id, s.step_no) in (
						  select r.enrollment_id, r.step_no from nurture_step_runs r
						  join unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:a as int[])) as u(enrollment_id, step_no, attempt)
						    on r.enrollment_id = u.enrollment_id and r.step_no = u.step_no
						  where r.status = 'sending' and r.attempts = u.attempt
						  for update of r skip locked)
						""")
			.param("e", held.stream().map(h -> h.step().enrollmentId()).toArray(Long[]::new))
			.param("s", held.stream().map(h -> h.step().stepNo()).toArray(Integer[]::new))
			.param("a", held.stream().map(HeldStep::attempt).toArray(Integer[]::new))
			.param("lease", Timestamps.param(leaseUntil))
			.update();
	}

	/**
	 * Move scheduled steps later, noting why, in one statement; the claim holds their row
	 * locks.
	 */
	void deferAll(List<Deferral> deferrals, Instant now) {
		if (deferrals.isEmpty()) {
			return;
		}
		int moved = jdbc
			.sql("""
					update nurture_step_runs s set due_at = u.until, reason = coalesce(u.reason, s.reason), updated_at = :now
					from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:until as timestamptz[]), cast(:reason as text[]))
					  as u(enrollment_id, step_no, until, reason)
					where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no and s.status = 'scheduled'
					""")
			.param("e", deferrals.stream().map(Deferral::enrollmentId).toArray(Long[]::new))
			.param("s", deferrals.stream().map(Deferral::stepNo).toArray(Integer[]::new))
			.param("until", deferrals.stream().map(d -> d.until().toString()).toArray(String[]::new))
			.param("reason", deferrals.stream().map(Deferral::reason).toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.update();
		requireAll("deferred", deferrals.size(), moved);
	}

	/**
	 * The earliest time a step can be claimed: a claimable step's due time or the end of
	 * a lease. For the simulated clock.
	 */
	Optional<Instant> nextDue() {
		return jdbc
			.sql("select least((select min(s.due_at) from nurture_step_runs s where " + CLAIMABLE + "),"
					+ " (select min(l.lease_until) from nurture_step_runs l where " + inFlight("l") + ")) as next")
			.query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "next")))
			.single();
	}

	/**
	 * A claim's rows are locked by its own transaction: a write that misses one means the
	 * claim is wrong, and it rolls back (its steps stay as they were).
	 */
	private static void requireAll(String what, int expected, int written) {
		if (written != expected) {
			throw new IllegalStateException(
					"claim " + what + " " + written + " of its " + expected + " locked steps; rolled back");
		}
	}

	private static String inFlight(String alias) {
		return IN_FLIGHT.formatted(alias);
	}

}
