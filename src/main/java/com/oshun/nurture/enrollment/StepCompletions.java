package com.oshun.nurture.enrollment;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code nurture_step_runs} as a batch's record writes it: what became of each step it
 * held, one statement per kind of outcome, and the silence a step's departure teaches
 * from.
 * <p>
 * Each write touches a step only while this attempt still holds it ({@code sending} at
 * the attempt it was claimed at). A step whose lease ran out and went to another attempt
 * is that attempt's to record; each write answers the keys of the steps it found so.
 */
@Repository
class StepCompletions {

	private final JdbcClient jdbc;

	StepCompletions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a batch sent, for {@link #markSentAll}. */
	record Sent(HeldStep held, String channel, String content, String composer, String composerReason, String note,
			String externalId, String sentAs, String templateCategory) {
	}

	/**
	 * Record sent steps in one statement. A channel that already reported a failure turns
	 * the step failed, as {@link DeliveryReceipts#recordDeliveryStatus} does.
	 * @return the keys of the steps another attempt holds now, left as they are
	 */
	Set<String> markSentAll(List<Sent> sent, Instant now) {
		if (sent.isEmpty()) {
			return Set.of();
		}
		List<String> touched = jdbc
			.sql("""
					update nurture_step_runs s set status = case when s.delivery_status = 'failed' then 'failed' else 'sent' end,
					  reason = case when s.delivery_status = 'failed' then 'failed after sending: ' || s.delivery_error
					                else coalesce(u.note, s.reason) end,
					  channel = u.channel, content = u.content, composer = u.composer, composer_reason = u.composer_reason,
					  external_id = u.external_id, sent_as = u.sent_as,
					  template_category = u.template_category, sent_at = :now, lease_until = null, updated_at = :now
					from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:a as int[]), cast(:channel as text[]),
					            cast(:content as text[]), cast(:composer as text[]), cast(:composerReason as text[]),
					            cast(:note as text[]), cast(:external as text[]), cast(:sentAs as text[]),
					            cast(:category as text[]))
					  as u(enrollment_id, step_no, attempt, channel, content, composer, composer_reason, note, external_id,
					       sent_as, template_category)
					where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no and s.status = 'sending'
					  and s.attempts = u.attempt
					returning s.enrollment_id, s.step_no
					""")
			.param("e", sent.stream().map(step -> step.held().step().enrollmentId()).toArray(Long[]::new))
			.param("s", sent.stream().map(step -> step.held().step().stepNo()).toArray(Integer[]::new))
			.param("a", sent.stream().map(step -> step.held().attempt()).toArray(Integer[]::new))
			.param("channel", sent.stream().map(Sent::channel).toArray(String[]::new))
			.param("content", sent.stream().map(Sent::content).toArray(String[]::new))
			.param("composer", sent.stream().map(Sent::composer).toArray(String[]::new))
			.param("composerReason", sent.stream().map(Sent::composerReason).toArray(String[]::new))
			.param("note", sent.stream().map(Sent::note).toArray(String[]::new))
			.param("external", sent.stream().map(Sent::externalId).toArray(String[]::new))
			.param("sentAs", sent.stream().map(Sent::sentAs).toArray(String[]::new))
			.param("category", sent.stream().map(Sent::templateCategory).toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.query((rs, n) -> HeldStep.key(rs.getLong("enrollment_id"), rs.getInt("step_no")))
			.list();
		return lost(sent, Sent::held, touched);
	}

	/** A step finished without a message, for {@link #markUnsentAll}. */
	record Unsent(HeldStep held, StepRun.Status status, String reason) {
	}

	/**
	 * Finish steps without sending ({@code skipped} or {@code failed}) in one statement.
	 * @return the keys of the steps another attempt holds now, left as they are
	 */
	Set<String> markUnsentAll(List<Unsent> unsent, Instant now) {
		if (unsent.isEmpty()) {
			return Set.of();
		}
		List<String> touched = jdbc
			.sql("""
					update nurture_step_runs s set status = u.status, reason = u.reason, lease_until = null, updated_at = :now
					from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:a as int[]), cast(:status as text[]),
					            cast(:reason as text[]))
					  as u(enrollment_id, step_no, attempt, status, reason)
					where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no and s.status in ('scheduled', 'sending')
					  and s.attempts = u.attempt
					returning s.enrollment_id, s.step_no
					""")
			.param("e", unsent.stream().map(step -> step.held().step().enrollmentId()).toArray(Long[]::new))
			.param("s", unsent.stream().map(step -> step.held().step().stepNo()).toArray(Integer[]::new))
			.param("a", unsent.stream().map(step -> step.held().attempt()).toArray(Integer[]::new))
			.param("status", unsent.stream().map(step -> step.status().value()).toArray(String[]::new))
			.param("reason", unsent.stream().map(Unsent::reason).toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.query((rs, n) -> HeldStep.key(rs.getLong("enrollment_id"), rs.getInt("step_no")))
			.list();
		return lost(unsent, Unsent::held, touched);
	}

	/** A step whose delivery asked to be tried again at {@code at}. */
	record Retry(HeldStep held, Instant at, String reason) {
	}

	/**
	 * Steps in flight whose delivery asked to be retried: their lease ends at the retry
	 * time, when another attempt claims them.
	 * @return the keys of the steps another attempt holds now, left as they are
	 */
	Set<String> retryAll(List<Retry> retries, Instant now) {
		if (retries.isEmpty()) {
			return Set.of();
		}
		List<String> touched = jdbc
			.sql("""
					update nurture_step_runs s set lease_until = u.at, reason = coalesce(u.reason, s.reason), updated_at = :now
					from unnest(cast(:e as bigint[]), cast(:s as int[]), cast(:a as int[]), cast(:at as timestamptz[]),
					            cast(:reason as text[]))
					  as u(enrollment_id, step_no, attempt, at, reason)
					where s.enrollment_id = u.enrollment_id and s.step_no = u.step_no and s.status = 'sending'
					  and s.attempts = u.attempt
					returning s.enrollment_id, s.step_no
					""")
			.param("e", retries.stream().map(retry -> retry.held().step().enrollmentId()).toArray(Long[]::new))
			.param("s", retries.stream().map(retry -> retry.held().step().stepNo()).toArray(Integer[]::new))
			.param("a", retries.stream().map(retry -> retry.held().attempt()).toArray(Integer[]::new))
			.param("at", retries.stream().map(retry -> retry.at().toString()).toArray(String[]::new))
			.param("reason", retries.stream().map(Retry::reason).toArray(String[]::new))
			.param("now", Timestamps.param(now))
			.query((rs, n) -> HeldStep.key(rs.getLong("enrollment_id"), rs.getInt("step_no")))
			.list();
		return lost(retries, Retry::held, touched);
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

	private static <T> Set<String> lost(List<T> written, Function<T, HeldStep> held, List<String> touched) {
		Set<String> lost = new LinkedHashSet<>();
		written.forEach(step -> lost.add(held.apply(step).key()));
		touched.forEach(lost::remove);
		return lost;
	}

}
