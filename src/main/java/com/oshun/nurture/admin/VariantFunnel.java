package com.oshun.nurture.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The variants (A/B) of the steps under test, for the enrollments that started in a
 * period, by the same definitions as {@link FunnelReport}: per variant its enrolled
 * (drawn into it), messaged, replied (to that step) and booked, the reply rate (of those
 * messaged) and the booked rate (of those enrolled, intent to treat) with their Wilson
 * intervals, and each variant after the first against the first (the control variant):
 * the difference with Newcombe's interval and the verdict of {@link Lift}, which is
 * {@code not enough data} below {@link Lift#MIN_PER_ARM} per variant. No variant is ever
 * declared the winner automatically: the verdict is for the operator to act on.
 */
@Component
class VariantFunnel {

	static final String VARIANTS = FunnelReport.ENROLLMENTS + """
			select e.sequence_key, s.step_no, s.variant, min(s.objective) as objective, count(*) as enrolled,
			       count(*) filter (where s.status = 'sent') as messaged,
			       count(*) filter (where s.replied) as replied,
			       count(*) filter (where e.booked) as booked
			from s join e on e.id = s.enrollment_id
			where s.variant is not null
			group by e.sequence_key, s.step_no, s.variant order by e.sequence_key, s.step_no, s.variant
			""";

	static final String METHOD = "Wilson 95% interval per variant; each variant against the first (the control "
			+ "variant) with Newcombe's hybrid score 95% interval; at least " + Lift.MIN_PER_ARM
			+ " per variant for a verdict; no winner is picked automatically";

	private final JdbcClient jdbc;

	private final long windowSeconds;

	VariantFunnel(JdbcClient jdbc, ReportSettings settings) {
		this.jdbc = jdbc;
		this.windowSeconds = settings.attributionWindow().toSeconds();
	}

	/** One variant of a step and its counts. */
	record VariantRow(String variant, String objective, long enrolled, long messaged, long replied, long booked) {
	}

	/** The variants of each step under test: by sequence key, then step number. */
	Map<String, Map<Integer, List<VariantRow>>> between(Instant from, Instant to) {
		Map<String, Map<Integer, List<VariantRow>>> rows = new LinkedHashMap<>();
		jdbc.sql(VARIANTS)
			.param("from", Timestamps.param(from))
			.param("to", Timestamps.param(to))
			.param("window", windowSeconds)
			.query((rs, n) -> rows.computeIfAbsent(rs.getString("sequence_key"), key -> new LinkedHashMap<>())
				.computeIfAbsent(rs.getInt("step_no"), stepNo -> new ArrayList<>())
				.add(new VariantRow(rs.getString("variant"), rs.getString("objective"), rs.getLong("enrolled"),
						rs.getLong("messaged"), rs.getLong("replied"), rs.getLong("booked"))))
			.list();
		return rows;
	}

	/**
	 * A step's variants as the funnel answers them: each with its rates and intervals,
	 * and each after the first compared with the first.
	 */
	static List<Map<String, Object>> view(List<VariantRow> variants) {
		List<Map<String, Object>> views = new ArrayList<>();
		VariantRow first = variants.isEmpty() ? null : variants.get(0);
		for (VariantRow row : variants) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("variant", row.variant());
			view.put("objective", row.objective());
			view.put("enrolled", row.enrolled());
			view.put("messaged", row.messaged());
			view.put("replied", row.replied());
			view.put("booked", row.booked());
			view.put("repliedPercent", Lift.percent(row.replied(), row.messaged()));
			view.put("repliedInterval", wilson(row.replied(), row.messaged()));
			view.put("bookedPercent", Lift.percent(row.booked(), row.enrolled()));
			view.put("bookedInterval", wilson(row.booked(), row.enrolled()));
			if (row != first) {
				Map<String, Object> against = new LinkedHashMap<>();
				against.put("variant", first.variant());
				against.put("replied",
						comparison(Lift.of(row.messaged(), row.replied(), first.messaged(), first.replied())));
				against.put("booked",
						comparison(Lift.of(row.enrolled(), row.booked(), first.enrolled(), first.booked())));
				view.put("againstFirst", against);
			}
			views.add(view);
		}
		return views;
	}

	private static Map<String, Object> comparison(Lift lift) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("differencePoints", (lift.differencePoints() != null) ? Lift.round(lift.differencePoints()) : null);
		view.put("interval", (lift.interval() != null) ? Lift.bounds(lift.interval()) : null);
		view.put("verdict", lift.verdict());
		return view;
	}

	private static Map<String, Double> wilson(long x, long n) {
		return (n > 0) ? Lift.bounds(Interval.wilson(x, n).times(100)) : null;
	}

}
