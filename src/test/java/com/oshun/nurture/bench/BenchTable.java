package com.oshun.nurture.bench;

import java.time.Instant;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The benchmark's one table: our numbers, the peer's, their ratio and the goal.
 */
final class BenchTable {

	private final String delivery;

	private final String config;

	private final BenchWorkloads.Pipeline small;

	private final BenchWorkloads.Pipeline large;

	private final BenchWorkloads.Webhooks enrollment;

	private final double pgbenchTps;

	private final BenchWorkloads.Latency imported;

	private final BenchWorkloads.BulkImport bulk;

	private final BenchWorkloads.Seeding seeding;

	private final long pendingAtCancel;

	private final BenchWorkloads.Webhooks cancel;

	private final BenchWorkloads.Punctuality punctuality;

	private final JsonNode peer;

	private final StringBuilder out = new StringBuilder();

	BenchTable(String delivery, String config, BenchWorkloads.Pipeline small, BenchWorkloads.Pipeline large,
			BenchWorkloads.Webhooks enrollment, double pgbenchTps, BenchWorkloads.Latency imported,
			BenchWorkloads.BulkImport bulk, BenchWorkloads.Seeding seeding, long pendingAtCancel,
			BenchWorkloads.Webhooks cancel, BenchWorkloads.Punctuality punctuality, JsonNode peer) {
		this.delivery = delivery;
		this.config = config;
		this.small = small;
		this.large = large;
		this.enrollment = enrollment;
		this.pgbenchTps = pgbenchTps;
		this.imported = imported;
		this.bulk = bulk;
		this.seeding = seeding;
		this.pendingAtCancel = pendingAtCancel;
		this.cancel = cancel;
		this.punctuality = punctuality;
		this.peer = peer;
	}

	String render() {
		out.append("Run ")
			.append(Instant.now())
			.append(" on ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores; delivery: ")
			.append(delivery)
			.append("\n\n");
		if (!config.isBlank()) {
			out.append("Configuration: ").append(config).append("\n\n");
		}
		out.append("| workload | metric | Nurture | peer (BullMQ) | Nurture / peer | goal |\n");
		out.append("|---|---|---|---|---|---|\n");
		double loss = 100 * (1 - large.stepsPerSecond() / small.stepsPerSecond());
		row("1 step pipeline (" + small.steps() + " due, " + small.pendingBefore() + " pending before)", "steps/s",
				small.stepsPerSecond(), peer("pipelineSmall", "stepsPerSecond"), ">= 4,000 and >= 1.5x peer");
		row("", "lag p50 / p99 ms", pair(small.lagP50Ms(), small.lagP99Ms()),
				pair(peer("pipelineSmall", "lagP50Ms"), peer("pipelineSmall", "lagP99Ms")), "");
		row("", "recorded / due", small.delivered() + " / " + small.steps(), "", "all");
		row("", "CPU ms per step (service + PostgreSQL)", cpu(small.cpu()), "", "");
		BenchWorkloads.Latency answers = enrollment.answers();
		row("2 enrollment (" + answers.requests() + " signed booking.noShow webhooks)", "answered events/s",
				answers.perSecond(), Double.NaN, ">= 3,000");
		row("", "answer latency p50 / p99 ms", pair(answers.p50Ms(), answers.p99Ms()), "", "p99 < 20");
		row("", "applied events/s (inbox, first stored to last applied)", enrollment.appliedPerSecond(), Double.NaN,
				"");
		row("", "stored to applied (visible) p50 / p99 ms", pair(enrollment.visibleP50Ms(), enrollment.visibleP99Ms()),
				"", "p99 < 1,000");
		row("", "failed requests", Integer.toString(answers.failures()), "", "0");
		row("", "CPU ms per webhook, until applied (service + PostgreSQL)", cpu(answers.cpu()), "", "");
		row("", "pgbench simple-update tps, same server, 16 clients", text(pgbenchTps), "",
				(pgbenchTps > 0)
						? String.format(Locale.ROOT, "webhooks / pgbench %.2fx", answers.perSecond() / pgbenchTps) : "",
				"");
		row("2 contact import (PUT /api/contacts, one by one)", "contacts/s", imported.perSecond(), Double.NaN, "");
		if (bulk != null) {
			row("2 bulk import (POST /api/contacts/import, " + bulk.rows() + " CSV rows, one stream)", "contacts/s",
					bulk.perSecond(), Double.NaN, ">= 20,000");
			row("", "imported / rejected", bulk.imported() + " / " + bulk.rejected(), "", "all / 0");
			row("", "max heap / RSS MB", pair(mb(bulk.maxHeapBytes()), mb(bulk.maxRssBytes())), "", "flat");
			row("", "CPU ms per contact (service + PostgreSQL)", cpu(bulk.cpu()), "", "");
		}
		row("2 bulk seeding through our schema (SQL)", "contacts/s (4 steps + a conversation each)",
				seeding.contactsPerSecond(), Double.NaN, "");
		row("", "steps scheduled/s", seeding.stepsPerSecond(), peer(null, "scheduleRate"), "");
		row("3 cancel on booking (" + pendingAtCancel + " pending; peer " + text(peer(null, "pendingLarge")) + ")",
				"answer latency p50 / p99 ms", pair(cancel.answers().p50Ms(), cancel.answers().p99Ms()),
				pair(peer("cancel", "p50Ms"), peer("cancel", "p99Ms")), "");
		row("", "stored to cancelled p50 / p99 ms", pair(cancel.visibleP50Ms(), cancel.visibleP99Ms()), "",
				"p99 < 20 at 10 M");
		row("4 scale: pipeline at large pending", "steps/s", large.stepsPerSecond(),
				peer("pipelineLarge", "stepsPerSecond"), "");
		row("", "lag p50 / p99 ms", pair(large.lagP50Ms(), large.lagP99Ms()),
				pair(peer("pipelineLarge", "lagP50Ms"), peer("pipelineLarge", "lagP99Ms")), "");
		double peerLoss = 100 * (1 - peer("pipelineLarge", "stepsPerSecond") / peer("pipelineSmall", "stepsPerSecond"));
		row("", "throughput loss vs small", percent(loss), percent(peerLoss), "< 15 %");
		row("", "max heap MB (small / large)", pair(mb(small.maxHeapBytes()), mb(large.maxHeapBytes())), "",
				"< 256, flat");
		row("", "max RSS MB (small / large)", pair(mb(small.maxRssBytes()), mb(large.maxRssBytes())),
				(peer == null) ? "" : "Redis " + text(mb((long) peer(null, "redisUsedBytes"))) + " MB", "");
		row("5 punctuality (" + punctuality.steps() + " steps over " + (int) punctuality.period() + " s)",
				"fire-time error p50 / p99 ms", pair(punctuality.errorP50Ms(), punctuality.errorP99Ms()), "",
				"p99 <= 1,000");
		return out.toString();
	}

	private void row(String workload, String metric, double ours, double theirs, String goal) {
		double ratio = ours / theirs;
		row(workload, metric, text(ours), text(theirs),
				Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "", goal);
	}

	private void row(String workload, String metric, String ours, String theirs, String goal) {
		row(workload, metric, ours, theirs, "", goal);
	}

	private void row(String workload, String metric, String ours, String theirs, String ratio, String goal) {
		out.append("| ")
			.append(workload)
			.append(" | ")
			.append(metric)
			.append(" | ")
			.append(ours)
			.append(" | ")
			.append(theirs)
			.append(" | ")
			.append(ratio)
			.append(" | ")
			.append(goal)
			.append(" |\n");
	}

	private double peer(String section, String field) {
		if (peer == null) {
			return Double.NaN;
		}
		JsonNode node = (section != null) ? peer.path(section).path(field) : peer.path(field);
		return node.isNumber() ? node.asDouble() : Double.NaN;
	}

	private static String cpu(BenchWorkloads.Cpu cpu) {
		return String.format(Locale.ROOT, "%.3f + %.3f", cpu.serviceMs(), cpu.postgresMs());
	}

	private static String pair(double a, double b) {
		return text(a) + " / " + text(b);
	}

	private static String percent(double value) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f %%", value) : "";
	}

	private static double mb(long bytes) {
		return bytes / 1024.0 / 1024.0;
	}

	private static String text(double value) {
		if (!Double.isFinite(value)) {
			return "";
		}
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

}
