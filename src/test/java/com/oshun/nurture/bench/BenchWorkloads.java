package com.oshun.nurture.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's workloads against a running service: bulk seeding through our own
 * schema (the rows the Enroller writes, db-scheduler's included), the step pipeline,
 * enrollment and cancellation through the signed booking webhook, contact import through
 * the admin API, and punctuality. The same code runs the real benchmark
 * ({@link BenchMain}) and its smoke version in the test suite ({@code BenchSmokeTests}).
 */
public final class BenchWorkloads {

	/**
	 * A far-away time that marks freshly seeded steps until a workload makes them due.
	 */
	static final OffsetDateTime PARKED = OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final String[][] STEPS = { { "1", "reschedule" }, { "2", "availability" }, { "3", "reassure" },
			{ "4", "nudge" } };

	/**
	 * How a workload waits for the service: poll the wall clock, or move a simulated one.
	 */
	public interface Pump {

		/** Let the service work until {@code done} or the timeout. */
		void until(BooleanSupplier done, Duration timeout);

	}

	/** Where the service's heap and resident size are read. */
	public interface Probe {

		long heapBytes();

		long rssBytes();

		/** The service's process id, for its CPU time. */
		long pid();

	}

	/**
	 * CPU time in milliseconds spent over a workload by the service's JVM and by the
	 * benchmark's PostgreSQL server (its postmaster, its live processes and those that
	 * ended, which the postmaster's children's times hold).
	 */
	public record Cpu(double serviceMs, double postgresMs) {

		Cpu minus(Cpu before) {
			return new Cpu(serviceMs - before.serviceMs, postgresMs - before.postgresMs);
		}

		/** Per unit of work, service and PostgreSQL. */
		public Cpu per(long units) {
			return new Cpu(serviceMs / Math.max(1, units), postgresMs / Math.max(1, units));
		}

	}

	/** A bulk import through {@code POST /api/contacts/import}. */
	public record BulkImport(long rows, long imported, long rejected, double seconds, double perSecond,
			long maxHeapBytes, long maxRssBytes, Cpu cpu) {
	}

	/**
	 * Where the service is and how to talk to it; {@code wrkScript}: wrk sends the
	 * enrollment webhooks when set, else the driver's own clients.
	 */
	public record Target(String baseUrl, String bookingSecret, String adminToken, String zone, int clients,
			String wrkScript) {

		public Target(String baseUrl, String bookingSecret, String adminToken, String zone, int clients) {
			this(baseUrl, bookingSecret, adminToken, zone, clients, null);
		}

	}

	/** A pipeline run: steps made due at once, and how fast they were recorded. */
	public record Pipeline(int steps, int delivered, long pendingBefore, double seconds, double stepsPerSecond,
			double lagP50Ms, double lagP99Ms, long maxHeapBytes, long maxRssBytes, Cpu cpu) {
	}

	/** A run of requests from a concurrent client. */
	public record Latency(int requests, int failures, double seconds, double perSecond, double p50Ms, double p99Ms,
			Cpu cpu) {

		Latency costing(Cpu total) {
			return new Latency(requests, failures, seconds, perSecond, p50Ms, p99Ms, total);
		}

	}

	/**
	 * Booking webhooks and what their events came to: the answers (their CPU counted
	 * until the last event was applied), the rate the inbox applied them at (first stored
	 * to last applied), and how long each waited in it to be applied
	 * ({@code processed_at -
	 * received_at}: visible through the API from then on).
	 */
	public record Webhooks(Latency answers, double appliedPerSecond, double visibleP50Ms, double visibleP99Ms) {
	}

	/** Bulk seeding. */
	public record Seeding(long contacts, long steps, double seconds) {

		public double contactsPerSecond() {
			return contacts / Math.max(seconds, 1e-9);
		}

		public double stepsPerSecond() {
			return steps / Math.max(seconds, 1e-9);
		}

	}

	/** Fire-time error of steps spread over a period. */
	public record Punctuality(int steps, int fired, double period, double errorP50Ms, double errorP99Ms) {
	}

	static final int CANCEL_CLIENTS = 4;

	private final JdbcClient jdbc;

	private final Supplier<Instant> now;

	private final Pump pump;

	private final Probe probe;

	private final Target target;

	private final HttpClient http;

	/** The database server's postmaster, once found. */
	private long postmasterPid;

	public BenchWorkloads(JdbcClient jdbc, Supplier<Instant> now, Pump pump, Probe probe, Target target) {
		this.jdbc = jdbc;
		this.now = now;
		this.pump = pump;
		this.probe = probe;
		this.target = target;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	}

	/**
	 * Seed {@code contacts} contacts, each with a live no-show enrollment of four steps
	 * in statements of at most 25,000 contacts. Step 1 is parked when {@code parkFirst}
	 * (a workload makes it due later), else every step is weeks away.
	 */
	public Seeding seed(String prefix, int contacts, boolean parkFirst) {
		long started = System.nanoTime();
		long steps = 0;
		int chunk = 25_000;
		for (int from = 0; from < contacts; from += chunk) {
			int to = Math.min(contacts, from + chunk);
			steps += jdbc
				.sql("""
						with c as (
						  insert into contacts (external_id, name, phone, email, timezone, preferred_channel, created_at, updated_at)
						  select :prefix || g, 'Bench Patient ' || g, '+1555' || lpad(g::text, 8, '0'),
						         :prefix || g || '@bench.test', :zone, 'whatsapp', :now, :now
						  from generate_series(:from, :to) g
						  returning id, external_id
						), k as (
						  insert into contact_keys (key, contact_id) select external_id, id from c
						), e as (
						  insert into nurture_enrollments (contact_id, sequence_key, sequence_version, status, started_at)
						  select id, 'no_show', 1, 'active', :now from c
						  returning id, contact_id
						), s as (
						  insert into nurture_step_runs
						    (enrollment_id, step_no, contact_id, objective, due_at, status, delivery_marker, updated_at)
						  select e.id, st.no, e.contact_id, st.objective,
						         case when st.no = 1 and :park then :parked else :now + (30 + st.no) * interval '1 day' end,
						         'scheduled', 'nurture:' || e.id || '/' || st.no, :now
						  from e cross join (values %s) st (no, objective)
						  returning enrollment_id
						), w as (
						  -- Each contact's WhatsApp conversation is known (as for patients who wrote
						  -- before), so a delivery is one create-message call, as the peer's is.
						  insert into chatwoot_conversations (conversation_id, contact_id, inbox_id, created_at, updated_at)
						  select 1000000000 + id, id, 4, :now, :now from c
						)
						select count(*) from s
						"""
					.formatted(values()))
				.param("prefix", prefix)
				.param("zone", target.zone())
				.param("now", now.get().atOffset(ZoneOffset.UTC))
				.param("from", from + 1)
				.param("to", to)
				.param("park", parkFirst)
				.param("parked", PARKED)
				.query(Long.class)
				.single();
		}
		// A clinic's tables have statistics and are vacuumed as they churn; the machine's
		// PostgreSQL runs with autovacuum off, so the benchmark does what it would.
		jdbc.sql("""
				vacuum analyze contacts, contact_keys, nurture_enrollments, nurture_step_runs, chatwoot_conversations,
				  messages
				""").update();
		Seeding seeding = new Seeding(contacts, steps, seconds(started));
		settle();
		return seeding;
	}

	/**
	 * After a bulk seeding, what a server that grew to this size over months would not be
	 * doing: a checkpoint of the seeding's WAL (every page the workloads then touch would
	 * first be written whole to the WAL again) and autovacuum's passes over the new rows.
	 * Waits for both, at most five minutes, so the workloads measure the steady state.
	 */
	private void settle() {
		jdbc.sql("checkpoint").update();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline
				&& jdbc.sql("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")
					.query(Long.class)
					.single() > 0) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String values() {
		StringBuilder values = new StringBuilder();
		for (String[] step : STEPS) {
			values.append(values.isEmpty() ? "" : ", ")
				.append("(")
				.append(step[0])
				.append(", '")
				.append(step[1])
				.append("')");
		}
		return values.toString();
	}

	/** Steps waiting to be sent. */
	public long pending() {
		return jdbc.sql("select count(*) from nurture_step_runs where status = 'scheduled'").query(Long.class).single();
	}

	/**
	 * Seed {@code n} contacts whose first step becomes due in one statement, then measure
	 * until every one is recorded: steps/s from due to recorded, and each step's lag.
	 */
	public Pipeline pipeline(String prefix, int n, Duration timeout) {
		long pendingBefore = pending();
		seed(prefix, n, true);
		long sentBefore = sentMessages();
		Cpu cpuBefore = cpu();
		Instant due = now.get();
		OffsetDateTime dueAt = due.atOffset(ZoneOffset.UTC);
		jdbc.sql("update nurture_step_runs set due_at = :due where status = 'scheduled' and due_at = :parked")
			.param("due", dueAt)
			.param("parked", PARKED)
			.update();
		long[] peaks = new long[3];
		pump.until(() -> {
			// Heap and RSS once a second: a scrape costs the service CPU, and Prometheus
			// scrapes every 15 s, not every poll.
			if (peaks[2]++ % 10 == 0) {
				peaks[0] = Math.max(peaks[0], probe.heapBytes());
				peaks[1] = Math.max(peaks[1], probe.rssBytes());
			}
			return sentAtLeast(sentBefore + n);
		}, timeout);
		Cpu cpu = cpu().minus(cpuBefore);
		double[] lags = jdbc.sql("""
				select extract(epoch from created_at - :due) * 1000 from messages
				where direction = 'out' and created_at >= :due order by id desc limit :n
				""")
			.param("due", dueAt)
			.param("n", n)
			.query(Double.class)
			.list()
			.stream()
			.mapToDouble(d -> d)
			.toArray();
		double seconds = Arrays.stream(lags).max().orElse(0) / 1000;
		return new Pipeline(n, lags.length, pendingBefore, seconds, lags.length / Math.max(seconds, 1e-3),
				percentile(lags, 50), percentile(lags, 99), peaks[0], peaks[1], cpu.per(lags.length));
	}

	/**
	 * Whether {@code total} outbound messages exist: the newest id (an index look-up)
	 * first, and an exact count only once it could be so, since counting a large table
	 * ten times a second would load the database under test.
	 */
	private boolean sentAtLeast(long total) {
		long newest = jdbc.sql("select coalesce(max(id), 0) from messages").query(Long.class).single();
		return newest >= total && sentMessages() >= total;
	}

	private long sentMessages() {
		return jdbc.sql("select count(*) from messages where direction = 'out'").query(Long.class).single();
	}

	/**
	 * Signed {@code booking.noShow} webhooks for new contacts: each one enrolls. Sent by
	 * wrk from a file of pre-signed requests when the target names its script (the
	 * driver's JVM then takes no CPU from the service), else by the driver's clients.
	 */
	public Webhooks enrollment(String prefix, int events) {
		Cpu before = cpu();
		IntFunction<Signed> request = i -> bookingWebhook(prefix + "-noshow-" + i, "booking.noShow", prefix + i);
		Latency answers = (target.wrkScript() != null) ? byWrk(events, request)
				: concurrently(events, i -> request.apply(i).request());
		return applied(prefix + "-noshow-", answers, before);
	}

	/**
	 * Signed {@code booking.created} webhooks for seeded contacts: each ends their steps.
	 * Four clients at once, as the peer's cancel workload runs four.
	 */
	public Webhooks cancelOnBooking(String seededPrefix, int seededContacts, int bookings) {
		int stride = Math.max(1, seededContacts / Math.max(1, bookings));
		Cpu before = cpu();
		Latency answers = concurrently(Math.min(bookings, seededContacts), CANCEL_CLIENTS,
				i -> bookingWebhook(seededPrefix + "-booked-" + i, "booking.created",
						seededPrefix + (1 + (long) i * stride % seededContacts))
					.request());
		return applied(seededPrefix + "-booked-", answers, before);
	}

	/** Once the inbox applied every stored event of {@code eventPrefix}: its figures. */
	private Webhooks applied(String eventPrefix, Latency answers, Cpu before) {
		// The inbox is empty once everything stored is applied (a cheap look, ten times a
		// second).
		pump.until(() -> !jdbc.sql("select exists (select 1 from nurture_webhook_inbox)").query(Boolean.class).single(),
				Duration.ofMinutes(5));
		Cpu cpu = cpu().minus(before).per(answers.requests());
		double[] waits = jdbc.sql("""
				select extract(epoch from processed_at - received_at) * 1000 from webhook_events
				where source = 'booking' and event_id like :prefix || '%' and processed_at is not null
				""").param("prefix", eventPrefix).query(Double.class).list().stream().mapToDouble(d -> d).toArray();
		double span = jdbc.sql("""
				select coalesce(extract(epoch from max(processed_at) - min(received_at)), 0) from webhook_events
				where source = 'booking' and event_id like :prefix || '%'
				""").param("prefix", eventPrefix).query(Double.class).single();
		return new Webhooks(answers.costing(cpu), waits.length / Math.max(span, 1e-3), percentile(waits, 50),
				percentile(waits, 99));
	}

	/**
	 * The requests written pre-signed to a file and sent by wrk
	 * ({@code bench/wrk/webhooks.lua}): two threads, the target's clients as connections;
	 * the latency percentiles are wrk's, the rate is timed here (wrk's own duration is
	 * its {@code -d}).
	 */
	private Latency byWrk(int count, IntFunction<Signed> request) {
		try {
			Path file = Files.createTempFile("nurture-webhooks", ".tsv");
			try {
				StringBuilder lines = new StringBuilder();
				for (int i = 0; i < count; i++) {
					Signed one = request.apply(i);
					lines.append(one.timestamp())
						.append('\t')
						.append(one.signature())
						.append('\t')
						.append(one.body())
						.append('\n');
				}
				Files.writeString(file, lines);
				String marker = file + ".done.";
				long started = System.nanoTime();
				Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + target.clients(), "-d600s", "--timeout", "10s",
						"-s", target.wrkScript(), target.baseUrl() + "/webhooks/booking", "--", file.toString(), "2",
						marker)
					.redirectError(ProcessBuilder.Redirect.INHERIT)
					.start();
				while (wrk.isAlive() && !(Files.exists(Path.of(marker + 0)) && Files.exists(Path.of(marker + 1)))) {
					Thread.sleep(2);
				}
				double seconds = seconds(started);
				new ProcessBuilder("kill", "-INT", Long.toString(wrk.pid())).start().waitFor();
				String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				wrk.waitFor();
				Files.deleteIfExists(Path.of(marker + 0));
				Files.deleteIfExists(Path.of(marker + 1));
				JsonNode result = JsonMapper.builder()
					.build()
					.readTree(out.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow());
				// Every line is a new event: anything but a 202 for it is a failure
				// (wrk's socket
				// errors are the repeats cut off when a thread stops).
				int failures = count - result.get("accepted").asInt();
				return new Latency(count, failures, seconds, count / seconds, result.get("p50").asLong() / 1000.0,
						result.get("p99").asLong() / 1000.0, new Cpu(0, 0));
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Contacts created one by one through {@code PUT /api/contacts/{externalId}}. */
	public Latency importContacts(String prefix, int contacts) {
		return concurrently(contacts, i -> {
			String body = """
					{"name":"Import Patient %d","phone":"+55219%08d","email":"%s%d@import.test","timezone":"%s"}
					""".formatted(i, i, prefix, i, target.zone());
			return HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/contacts/" + prefix + i))
				.header("Authorization", "Bearer " + target.adminToken())
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
		});
	}

	/**
	 * {@code rows} generated contacts in one CSV ({@code ;}, national Brazilian phones, a
	 * Latin-1 name in every tenth row) streamed to {@code POST /api/contacts/import} as
	 * it is generated, so the driver holds no file either; heap and RSS sampled every
	 * second.
	 */
	public BulkImport bulkImport(String prefix, int rows) {
		Cpu cpuBefore = cpu();
		long[] peaks = new long[2];
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			peaks[0] = Math.max(peaks[0], probe.heapBytes());
			peaks[1] = Math.max(peaks[1], probe.rssBytes());
		}, 0, 1, TimeUnit.SECONDS);
		long started = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/contacts/import"))
				.header("Authorization", "Bearer " + target.adminToken())
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedCsv(prefix, rows)))
				.build());
		}
		finally {
			sampler.shutdownNow();
		}
		double seconds = seconds(started);
		if (response == null || response.statusCode() != 200) {
			throw new IllegalStateException("import answered " + ((response == null) ? "nothing" : response.body()));
		}
		JsonNode answer = JsonMapper.builder().build().readTree(response.body());
		long imported = answer.get("imported").asLong();
		return new BulkImport(answer.get("rows").asLong(), imported, answer.get("rejected").asLong(), seconds,
				imported / seconds, peaks[0], peaks[1], cpu().minus(cpuBefore).per(imported));
	}

	/** A practice system's export, written as it is read. */
	private static final class GeneratedCsv extends InputStream {

		private final String prefix;

		private final int rows;

		private int row = -1;

		private byte[] current = new byte[0];

		private int at;

		GeneratedCsv(String prefix, int rows) {
			this.prefix = prefix;
			this.rows = rows;
		}

		@Override
		public int read() {
			if (!fill()) {
				return -1;
			}
			return current[at++] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (!fill()) {
				return -1;
			}
			int n = Math.min(length, current.length - at);
			System.arraycopy(current, at, buffer, offset, n);
			at += n;
			return n;
		}

		private boolean fill() {
			while (at >= current.length) {
				if (row >= rows) {
					return false;
				}
				StringBuilder chunk = new StringBuilder(64 * 1024);
				for (int i = 0; i < 500 && row < rows; i++, row++) {
					if (row < 0) {
						chunk.append("externalId;name;phone;email;marketingConsent;Observações\n");
						continue;
					}
					String name = (row % 10 == 0) ? "João Müller " + row : "Patient " + row;
					chunk.append(prefix)
						.append(row)
						.append(';')
						.append(name)
						.append(";(21) 9")
						.append(String.format(Locale.ROOT, "%04d-%04d", 6000 + row / 10000, row % 10000))
						.append(';')
						.append(prefix)
						.append(row)
						.append("@import.test;sim;\n");
				}
				current = chunk.toString().getBytes(StandardCharsets.ISO_8859_1);
				at = 0;
			}
			return true;
		}

	}

	/** CPU so far of the service and of the database server. */
	Cpu cpu() {
		long postmaster = postmaster();
		double ticks = 0;
		long[] own = stat(postmaster);
		ticks += own[2] + own[3] + own[4] + own[5];
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (name.chars().allMatch(Character::isDigit)) {
					long[] stat = stat(Long.parseLong(name));
					if (stat[1] == postmaster) {
						ticks += stat[2] + stat[3];
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long[] service = stat(probe.pid());
		return new Cpu((service[2] + service[3]) * 1000.0 / CLOCK_TICKS, ticks * 1000.0 / CLOCK_TICKS);
	}

	/**
	 * The server's postmaster: the first line of {@code postmaster.pid} in its data
	 * directory (a backend's parent would do, but the driver's connection and its backend
	 * may be gone by the time {@code /proc} is read).
	 */
	private long postmaster() {
		if (postmasterPid == 0) {
			String dir = jdbc.sql("select setting from pg_settings where name = 'data_directory'")
				.query(String.class)
				.single();
			try {
				postmasterPid = Long.parseLong(Files.readAllLines(Path.of(dir, "postmaster.pid")).get(0).strip());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return postmasterPid;
	}

	/** The clock ticks a second of {@code /proc/<pid>/stat}'s times (USER_HZ). */
	private static final int CLOCK_TICKS = 100;

	/**
	 * From {@code /proc/<pid>/stat}: pid, parent, utime, stime, cutime, cstime (zeros for
	 * a process gone).
	 */
	static long[] stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[0] is the state (stat's 3rd field): the parent is the 4th, utime the
			// 14th.
			return new long[] { pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
					Long.parseLong(fields[13]), Long.parseLong(fields[14]) };
		}
		catch (IOException | RuntimeException ex) {
			return new long[6];
		}
	}

	/**
	 * {@code n} steps due at a steady rate over {@code period}; the error is the claim
	 * time ({@code started_at}) minus the due time.
	 */
	public Punctuality punctuality(String prefix, int n, Duration period, Duration timeout) {
		seed(prefix, n, true);
		long sentBefore = sentMessages();
		Instant start = now.get().plusSeconds(1);
		long gapMicros = period.toNanos() / 1000 / n;
		jdbc.sql(
				"""
						with r as (
						  select enrollment_id, step_no,
						         :start + (row_number() over (order by enrollment_id) - 1) * :gap * interval '1 microsecond' as due
						  from nurture_step_runs where status = 'scheduled' and due_at = :parked
						)
						update nurture_step_runs s set due_at = r.due from r
						where s.enrollment_id = r.enrollment_id and s.step_no = r.step_no
						""")
			.param("start", start.atOffset(ZoneOffset.UTC))
			.param("gap", gapMicros)
			.param("parked", PARKED)
			.update();
		pump.until(() -> sentAtLeast(sentBefore + n), timeout);
		double[] errors = jdbc.sql("""
				select extract(epoch from s.started_at - s.due_at) * 1000
				from nurture_step_runs s join contacts c on c.id = s.contact_id
				where c.external_id like :prefix || '%' and s.step_no = 1 and s.started_at is not null
				""").param("prefix", prefix).query(Double.class).list().stream().mapToDouble(d -> d).toArray();
		return new Punctuality(n, errors.length, period.toMillis() / 1000.0, percentile(errors, 50),
				percentile(errors, 99));
	}

	/** A signed booking webhook: its headers' values and its one-line body. */
	record Signed(String baseUrl, long timestamp, String signature, String body) {

		HttpRequest request() {
			return HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/booking"))
				.header("Content-Type", "application/json")
				.header("X-Nurture-Timestamp", Long.toString(timestamp))
				.header("X-Nurture-Signature", signature)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
		}

	}

	private Signed bookingWebhook(String eventId, String type, String contactKey) {
		String body = ("{\"id\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\","
				+ "\"booking\":{\"id\":\"bk-%s\",\"startsAt\":\"2030-01-20T14:00:00Z\",\"service\":\"Botox consultation\","
				+ "\"procedure\":\"botox\"},\"contact\":{\"externalId\":\"%s\",\"name\":\"Bench Patient\","
				+ "\"phone\":\"+55319%08d\",\"timezone\":\"%s\",\"preferredChannel\":\"whatsapp\"}}")
			.formatted(eventId, type, now.get(), eventId, contactKey, Math.abs(contactKey.hashCode()) % 100_000_000,
					target.zone());
		long timestamp = Instant.now().getEpochSecond();
		return new Signed(target.baseUrl(), timestamp,
				"sha256=" + sign(timestamp + ".", body.getBytes(StandardCharsets.UTF_8)), body);
	}

	private String sign(String prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(target.bookingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(prefix.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Latency concurrently(int count, IntFunction<HttpRequest> request) {
		return concurrently(count, target.clients(), request);
	}

	private Latency concurrently(int count, int clientCount, IntFunction<HttpRequest> request) {
		double[] latencies = new double[count];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(clientCount);
		Cpu cpuBefore = cpu();
		long started = System.nanoTime();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clientCount; c++) {
				running.add(clients.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						long sent = System.nanoTime();
						HttpResponse<String> response = send(request.apply(i));
						latencies[i] = (System.nanoTime() - sent) / 1e6;
						if (response == null || response.statusCode() >= 300) {
							failures.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			clients.shutdown();
		}
		double seconds = seconds(started);
		Cpu cpu = cpu().minus(cpuBefore).per(count);
		return new Latency(count, failures.get(), seconds, count / seconds, percentile(latencies, 50),
				percentile(latencies, 99), cpu);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	static double percentile(double[] values, double p) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	/** Heap and resident size of this JVM: the smoke test runs the service in-process. */
	public static Probe inProcess() {
		return new Probe() {

			@Override
			public long heapBytes() {
				return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			}

			@Override
			public long rssBytes() {
				return rss(ProcessHandle.current().pid());
			}

			@Override
			public long pid() {
				return ProcessHandle.current().pid();
			}

		};
	}

	/** Resident size of a process from {@code /proc}, 0 where there is none. */
	static long rss(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return 0;
	}

}
