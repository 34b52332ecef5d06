package com.oshun.nurture.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The funnel of the enrollments that started in a period, per sequence and per step,
 * computed by SQL over our own tables.
 *
 * <p>
 * At a million enrollments the plan stays proportional to the period, not the tables: the
 * enrollments come from a range scan of {@code nurture_enrollments_started_idx}, their
 * step runs from the primary key, and each "replied" and "booked" is an {@code exists}
 * probe of {@code messages_inbound_idx} and {@code bookings_contact_created_idx} for one
 * contact, so no table is read in full. Both definitions are in docs/dashboard.md; a
 * booking counts from the enrollment's start to
 * {@code nurture.reports.attribution-window} after its end (or after {@code to} for one
 * still running), in either arm alike.
 */
@Component
public class FunnelReport {

	static final String ENROLLMENTS = """
			with e as (
			    select en.id, en.sequence_key, en.status, en.arm,
			           (en.end_reason in ('booked', 'rescheduled') or exists (
			               select 1 from bookings b
			               where b.contact_id = en.contact_id and b.status in ('booked', 'completed', 'rescheduled')
			                 and ((b.created_at > en.started_at
			                       and b.created_at <= coalesce(en.ended_at, :to) + :window * interval '1 second')
			                   or (b.status = 'booked' and b.updated_at > en.started_at
			                       and b.updated_at <= coalesce(en.ended_at, :to) + :window * interval '1 second')))) as booked,
			           coalesce(en.end_reason like 'opted out%', false) as opted_out,
			           (en.status = 'completed' and en.sequence_key <> 'drip') as to_drip
			    from nurture_enrollments en
			    where en.started_at >= :from and en.started_at < :to
			), s as (
			    select r.enrollment_id, r.step_no, r.objective, r.variant, r.status, r.sent_as, r.template_category,
			           (r.status = 'sent' and exists (
			               select 1 from messages m
			               where m.contact_id = r.contact_id and m.direction = 'in'
			                 and m.created_at > r.sent_at and m.created_at <= r.sent_at + interval '48 hours')) as replied
			    from nurture_step_runs r join e on e.id = r.enrollment_id
			)
			""";

	static final String SEQUENCES = ENROLLMENTS
			+ """
					select e.sequence_key, count(*) as enrolled,
					       count(*) filter (where exists (select 1 from s where s.enrollment_id = e.id and s.status = 'sent')) as messaged,
					       count(*) filter (where exists (select 1 from s where s.enrollment_id = e.id and s.replied)) as replied,
					       count(*) filter (where e.booked) as booked,
					       count(*) filter (where e.opted_out) as opted_out,
					       count(*) filter (where e.to_drip) as to_drip,
					       count(*) filter (where e.arm = 'control') as control_enrolled,
					       count(*) filter (where e.arm = 'control' and e.booked) as control_booked
					from e group by e.sequence_key
					""";

	static final String STEPS = ENROLLMENTS
			+ """
					select e.sequence_key, s.step_no, bool_or(s.variant is not null) as tested,
					       case when bool_or(s.variant is not null)
					            then string_agg(distinct s.variant || ': ' || s.objective, ', ') else min(s.objective) end as objective,
					       count(*) as reached,
					       count(*) filter (where s.status = 'sent') as messaged,
					       count(*) filter (where s.replied) as replied,
					       count(*) filter (where s.status = 'sent' and e.booked) as booked,
					       count(*) filter (where s.status = 'sent' and e.opted_out) as opted_out,
					       count(*) filter (where s.status = 'sent' and e.to_drip) as to_drip,
					       count(*) filter (where s.status = 'skipped') as skipped,
					       count(*) filter (where s.status = 'failed') as failed,
					       count(*) filter (where s.status = 'cancelled') as cancelled,
					       count(*) filter (where s.status = 'sent' and s.sent_as = 'free_text') as free_text,
					       count(*) filter (where s.status = 'sent' and s.sent_as = 'template') as template,
					       count(*) filter (where s.status = 'sent' and s.sent_as = 'template'
					                          and s.template_category = 'utility') as template_utility,
					       count(*) filter (where s.status = 'sent' and s.sent_as = 'template'
					                          and s.template_category = 'marketing') as template_marketing
					from s join e on e.id = s.enrollment_id
					group by e.sequence_key, s.step_no, (s.variant is null), (case when s.variant is null then s.objective end)
					order by e.sequence_key, s.step_no, 4
					""";

	private final JdbcClient jdbc;

	private final long windowSeconds;

	FunnelReport(JdbcClient jdbc, ReportSettings settings) {
		this.jdbc = jdbc;
		this.windowSeconds = settings.attributionWindow().toSeconds();
	}

	/** Counts and rates for one sequence or one step. */
	public record Counts(long enrolled, long messaged, long replied, long booked, long optedOut, long movedToDrip) {

		public Map<String, Double> rates() {
			Map<String, Double> rates = new LinkedHashMap<>();
			rates.put("messaged", rate(messaged, enrolled));
			rates.put("replied", rate(replied, messaged));
			rates.put("booked", rate(booked, enrolled));
			rates.put("optedOut", rate(optedOut, enrolled));
			rates.put("movedToDrip", rate(movedToDrip, enrolled));
			return rates;
		}

		private static double rate(long part, long whole) {
			return (whole == 0) ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
		}

	}

	/**
	 * A step's row: enrolled are the enrollments that reached it (had it planned);
	 * {@code freeText} and {@code template}: its sends on a 24 h-window channel as free
	 * text (free) or as an approved template (paid by the clinic), and of the templates
	 * those of Meta's {@code utility} and {@code marketing} category, as stored on each
	 * step when it was sent (a template sent before categories were stored is in
	 * {@code template} only). The enrollments drawn into the variants of a step under
	 * test make one row ({@code tested}, its objective
	 * {@code a: reschedule, b: reassure}), its control arm another.
	 */
	public record StepRow(int stepNo, String objective, Counts counts, long skipped, long failed, long cancelled,
			long freeText, long template, long templateUtility, long templateMarketing, boolean tested) {
	}

	/**
	 * A sequence's row, its steps, and the lift of its treatment arm over its control.
	 */
	public record SequenceRow(String sequence, Counts counts, List<StepRow> steps, Lift lift) {
	}

	/** The sequences of the period, and the lift of them all together. */
	public record Funnel(List<SequenceRow> sequences, Lift overall) {
	}

	/**
	 * {@link #between} with the lift over all sequences: their arms pooled, those with no
	 * control enrollment in the period left out (a sequence that holds out nothing says
	 * nothing about lift).
	 */
	public Funnel funnel(Instant from, Instant to) {
		List<SequenceRow> rows = between(from, to);
		long[] pooled = new long[4];
		for (SequenceRow row : rows) {
			if (row.lift().controlEnrolled() > 0) {
				pooled[0] += row.lift().treatmentEnrolled();
				pooled[1] += row.lift().treatmentBooked();
				pooled[2] += row.lift().controlEnrolled();
				pooled[3] += row.lift().controlBooked();
			}
		}
		return new Funnel(rows, Lift.of(pooled[0], pooled[1], pooled[2], pooled[3]));
	}

	public List<SequenceRow> between(Instant from, Instant to) {
		Map<String, Counts> totals = new LinkedHashMap<>();
		Map<String, Lift> lifts = new LinkedHashMap<>();
		query(SEQUENCES, from, to).query((rs, n) -> {
			Counts counts = new Counts(rs.getLong("enrolled"), rs.getLong("messaged"), rs.getLong("replied"),
					rs.getLong("booked"), rs.getLong("opted_out"), rs.getLong("to_drip"));
			long controlEnrolled = rs.getLong("control_enrolled");
			long controlBooked = rs.getLong("control_booked");
			totals.put(rs.getString("sequence_key"), counts);
			lifts.put(rs.getString("sequence_key"), Lift.of(counts.enrolled() - controlEnrolled,
					counts.booked() - controlBooked, controlEnrolled, controlBooked));
			return counts;
		}).list();
		Map<String, List<StepRow>> steps = new LinkedHashMap<>();
		query(STEPS, from, to)
			.query((rs, n) -> steps.computeIfAbsent(rs.getString("sequence_key"), k -> new ArrayList<>())
				.add(new StepRow(rs.getInt("step_no"), rs.getString("objective"),
						new Counts(rs.getLong("reached"), rs.getLong("messaged"), rs.getLong("replied"),
								rs.getLong("booked"), rs.getLong("opted_out"), rs.getLong("to_drip")),
						rs.getLong("skipped"), rs.getLong("failed"), rs.getLong("cancelled"), rs.getLong("free_text"),
						rs.getLong("template"), rs.getLong("template_utility"), rs.getLong("template_marketing"),
						rs.getBoolean("tested"))))
			.list();
		List<SequenceRow> rows = new ArrayList<>();
		for (SequenceKey key : SequenceKey.values()) {
			rows.add(new SequenceRow(key.key(), totals.getOrDefault(key.key(), new Counts(0, 0, 0, 0, 0, 0)),
					steps.getOrDefault(key.key(), List.of()), lifts.getOrDefault(key.key(), Lift.of(0, 0, 0, 0))));
		}
		return rows;
	}

	private JdbcClient.StatementSpec query(String sql, Instant from, Instant to) {
		return jdbc.sql(sql)
			.param("from", Timestamps.param(from))
			.param("to", Timestamps.param(to))
			.param("window", windowSeconds);
	}

}
