package com.oshun.nurture.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.enrollment.StepRun;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A snapshot of the step runs, read by SQL so no metric needs a hook in the step runner:
 * steps due now, and over the last 24 h the steps by outcome, skips by reason and the lag
 * between due and sent. Each scrape reads it once and every gauge shares that snapshot.
 */
@Component
class StepStats {

	static final Duration WINDOW = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration refreshInterval;

	private Snapshot snapshot;

	/** When (System.nanoTime) the snapshot was read. */
	private long readAt;

	StepStats(JdbcClient jdbc, Clock clock,
			@Value("${nurture.metrics.refresh-interval:PT10S}") Duration refreshInterval) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refreshInterval = refreshInterval;
	}

	record Snapshot(long due, long scheduled, Map<String, Long> byStatus, Map<String, Long> skippedByReason,
			Map<String, Double> lagSeconds) {
	}

	synchronized Snapshot snapshot() {
		return (snapshot != null) ? snapshot : refresh();
	}

	/**
	 * Read the tables again, unless they were read less than the refresh interval ago:
	 * called at the start of every scrape, and the counts cover every pending step, so
	 * several scrapers (or a fast one) must not make the database count millions of rows
	 * each time.
	 */
	synchronized Snapshot refresh() {
		long now = System.nanoTime();
		if (snapshot == null || now - readAt >= refreshInterval.toNanos()) {
			snapshot = read();
			readAt = now;
		}
		return snapshot;
	}

	private Snapshot read() {
		Instant now = clock.instant();
		Object since = Timestamps.param(now.minus(WINDOW));
		Map<String, Long> scheduled = new LinkedHashMap<>();
		jdbc.sql("""
				select count(*) filter (where due_at <= :now) as due, count(*) as scheduled
				from nurture_step_runs where status = 'scheduled'
				""").param("now", Timestamps.param(now)).query((rs, n) -> {
			scheduled.put("due", rs.getLong("due"));
			scheduled.put("scheduled", rs.getLong("scheduled"));
			return n;
		}).list();
		List<String> ended = StepRun.Status.ended().stream().map(StepRun.Status::value).toList();
		Map<String, Long> byStatus = new LinkedHashMap<>();
		ended.forEach((status) -> byStatus.put(status, 0L));
		jdbc.sql("""
				select status, count(*) from nurture_step_runs
				where updated_at >= :since and status in (:ended) group by status
				""")
			.param("since", since)
			.param("ended", ended)
			.query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2)))
			.list();
		// A reason's first clause names its kind ("no template configured for
		// nudge"); the rest may vary, so only the kind becomes a label, and only the
		// 20 most common.
		Map<String, Long> skipped = new LinkedHashMap<>();
		jdbc.sql("""
				select split_part(coalesce(reason, 'unknown'), ':', 1) as kind, count(*) from nurture_step_runs
				where updated_at >= :since and status = 'skipped' group by 1 order by 2 desc, 1 limit 20
				""").param("since", since).query((rs, n) -> skipped.put(rs.getString(1), rs.getLong(2))).list();
		Map<String, Double> lag = new LinkedHashMap<>();
		jdbc.sql("""
				select percentile_cont(0.5) within group (order by extract(epoch from sent_at - due_at)) as p50,
				       percentile_cont(0.95) within group (order by extract(epoch from sent_at - due_at)) as p95,
				       max(extract(epoch from sent_at - due_at)) as max
				from nurture_step_runs where status = 'sent' and updated_at >= :since and sent_at is not null
				""").param("since", since).query((rs, n) -> {
			lag.put("0.5", rs.getDouble("p50"));
			lag.put("0.95", rs.getDouble("p95"));
			lag.put("max", rs.getDouble("max"));
			return n;
		}).list();
		return new Snapshot(scheduled.get("due"), scheduled.get("scheduled"), byStatus, skipped, lag);
	}

}
