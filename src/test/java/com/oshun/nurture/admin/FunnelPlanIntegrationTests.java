package com.oshun.nurture.admin;

import java.time.Instant;
import java.util.List;

import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.storage.Timestamps;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel's hot path has its indexes: with sequential scans priced out (the test
 * tables are tiny, so the planner would otherwise scan them), the plan reaches the
 * enrollments by period, the inbound messages and the bookings through V6's indexes.
 */
class FunnelPlanIntegrationTests extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theFunnelQueriesUseTheirIndexes() {
		assertThat(plan(FunnelReport.SEQUENCES)).contains("nurture_enrollments_started_idx")
			.contains("bookings_contact_created_idx")
			.contains("messages_inbound_idx")
			.doesNotContain("Seq Scan on nurture_enrollments")
			.doesNotContain("Seq Scan on messages");
		assertThat(plan(FunnelReport.STEPS)).contains("nurture_enrollments_started_idx")
			.contains("messages_inbound_idx")
			.doesNotContain("Seq Scan on nurture_step_runs");
	}

	private String plan(String sql) {
		return new TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			List<String> lines = jdbc.sql("explain " + sql)
				.param("from", Timestamps.param(Instant.parse("2026-01-01T00:00:00Z")))
				.param("to", Timestamps.param(Instant.parse("2026-04-01T00:00:00Z")))
				.param("window", java.time.Duration.ofDays(30).toSeconds())
				.query(String.class)
				.list();
			return String.join("\n", lines);
		});
	}

}
