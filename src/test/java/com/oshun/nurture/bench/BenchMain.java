package com.oshun.nurture.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The benchmark's driver for our side, run by {@code bench/run.sh} against the service
 * jar: every workload in one run, then one Markdown table beside the peer's numbers (read
 * from the peer's JSON). Settings are system properties {@code bench.*}.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws IOException {
		String base = setting("bench.base-url", "http://127.0.0.1:8080");
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
				setting("bench.db-url", "jdbc:postgresql://127.0.0.1:5432/nurture_bench"), "postgres", ""));
		long pid = Long.parseLong(setting("bench.pid", "0"));
		int n = Integer.parseInt(setting("bench.n", "100000"));
		int pendingLarge = Integer.parseInt(setting("bench.pending", "1000000"));
		int events = Integer.parseInt(setting("bench.events", "20000"));
		int cancels = Integer.parseInt(setting("bench.cancels", "2000"));
		int punctualSteps = Integer.parseInt(setting("bench.punctuality-steps", "6000"));
		Duration punctualPeriod = Duration.ofSeconds(Long.parseLong(setting("bench.punctuality-seconds", "60")));
		Duration timeout = Duration.ofMinutes(Long.parseLong(setting("bench.timeout-minutes", "15")));
		BenchWorkloads.Target target = new BenchWorkloads.Target(base, setting("bench.secret", "bench-secret"),
				setting("bench.token", "bench-token"), "UTC", Integer.parseInt(setting("bench.clients", "16")),
				setting("bench.wrk-script", "").isBlank() ? null : setting("bench.wrk-script", ""));
		BenchWorkloads bench = new BenchWorkloads(jdbc, Instant::now, BenchMain::poll, new ServiceProbe(base, pid),
				target);

		Set<String> only = Set
			.of(setting("bench.only", "pipeline,enrollment,import,punctuality,cancel,scale").split(","));
		BenchWorkloads.Pipeline small = null;
		BenchWorkloads.Pipeline large = null;
		BenchWorkloads.Webhooks enrollment = null;
		BenchWorkloads.Latency imported = null;
		BenchWorkloads.Webhooks cancel = null;
		BenchWorkloads.Punctuality punctuality = null;
		BenchWorkloads.Seeding seeding = null;
		long pending = 0;
		if (only.contains("pipeline") || only.contains("scale")) {
			int warmUp = Math.max(1, Math.min(2000, n / 10));
			log("warm-up pipeline, %d steps (not reported)", warmUp);
			log("%s", bench.pipeline("w0-", warmUp, timeout));
		}
		if (only.contains("pipeline")) {
			log("pipeline, %d steps due now", n);
			small = bench.pipeline("p1-", n, timeout);
			log("%s", small);
		}
		if (only.contains("enrollment") || only.contains("import") || only.contains("cancel")) {
			// The webhook and admin paths warm up too (JIT, caches, connections), as a
			// service in production is.
			int webhookWarmUp = Math.max(1, Math.min(1000, events / 10));
			log("warm-up webhooks and imports, %d each (not reported)", webhookWarmUp);
			bench.enrollment("we-", webhookWarmUp);
			bench.importContacts("wi-", webhookWarmUp);
			if (only.contains("import")) {
				bench.bulkImport("wb-", 20 * webhookWarmUp);
			}
		}
		if (only.contains("enrollment")) {
			log("enrollment, %d signed webhooks", events);
			enrollment = bench.enrollment("en-", events);
			log("%s", enrollment);
		}
		BenchWorkloads.BulkImport bulk = null;
		if (only.contains("import")) {
			imported = bench.importContacts("im-", Math.max(1, events / 4));
			log("%s", imported);
			int rows = Integer.parseInt(setting("bench.import-rows", "200000"));
			log("bulk import, %d CSV rows", rows);
			bulk = bench.bulkImport("bi-", rows);
			log("%s", bulk);
		}
		if (only.contains("punctuality")) {
			log("punctuality, %d steps over %s", punctualSteps, punctualPeriod);
			punctuality = bench.punctuality("pu-", punctualSteps, punctualPeriod, timeout);
			log("%s", punctuality);
		}
		if (only.contains("cancel") || only.contains("scale")) {
			int largeContacts = (pendingLarge + 3) / 4;
			log("seeding %d pending steps", pendingLarge);
			seeding = bench.seed("lg-", largeContacts, false);
			log("%s", seeding);
			pending = bench.pending();
			if (only.contains("cancel")) {
				log("cancel on booking at %d pending", pending);
				cancel = bench.cancelOnBooking("lg-", largeContacts, cancels);
				log("%s", cancel);
			}
			if (only.contains("scale")) {
				log("pipeline again at %d pending", pending);
				large = bench.pipeline("p2-", n, timeout);
				log("%s", large);
			}
		}

		if (only.size() < 6) {
			log("only %s measured: no table", only);
			return;
		}
		JsonNode peer = peer(setting("bench.peer-json", ""));
		String table = new BenchTable(setting("bench.delivery", "outbox"), setting("bench.config", ""), small, large,
				enrollment, Double.parseDouble(setting("bench.pgbench-tps", "0")), imported, bulk, seeding, pending,
				cancel, punctuality, peer)
			.render();
		System.out.println(table);
		String out = setting("bench.out", "");
		if (!out.isBlank()) {
			Files.writeString(Path.of(out), table);
		}
	}

	private static JsonNode peer(String file) throws IOException {
		if (file.isBlank() || !Files.exists(Path.of(file))) {
			return null;
		}
		return JsonMapper.builder().build().readTree(Files.readString(Path.of(file)));
	}

	private static void poll(BooleanSupplier done, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!done.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				log("timed out after %s", timeout);
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String setting(String name, String fallback) {
		return System.getProperty(name, fallback);
	}

	static void log(String format, Object... args) {
		System.err.println(Instant.now() + " " + String.format(Locale.ROOT, format, args));
	}

	/** The service's heap from its Prometheus endpoint, its RSS from {@code /proc}. */
	private static final class ServiceProbe implements BenchWorkloads.Probe {

		private final HttpClient http = HttpClient.newHttpClient();

		private final String base;

		private final long pid;

		ServiceProbe(String base, long pid) {
			this.base = base;
			this.pid = pid;
		}

		@Override
		public long heapBytes() {
			try {
				String body = http
					.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body();
				return body.lines()
					.filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
					.mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
					.sum();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return 0;
			}
		}

		@Override
		public long rssBytes() {
			return BenchWorkloads.rss(pid);
		}

		@Override
		public long pid() {
			return pid;
		}

	}

}
