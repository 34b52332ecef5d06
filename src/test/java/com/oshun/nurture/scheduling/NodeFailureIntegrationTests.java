package com.oshun.nurture.scheduling;

import com.oshun.nurture.ChatwootAccount;
import com.oshun.nurture.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real service as separate JVMs on one PostgreSQL, delivering a load of due steps to
 * a stateful Chatwoot stub that counts delivery markers: killed with SIGKILL at random
 * points and restarted, run as three nodes of which one dies, and with PostgreSQL
 * restarted under it, and in the default mode (its own durable embedded PostgreSQL)
 * killed and started again at once, five times. Every time each due step reaches Chatwoot
 * exactly once.
 * <p>
 * The suite runs a short load; {@code -Dnurture.reliability.contacts=} (4 steps each) and
 * {@code -Dnurture.reliability.kills=} make the long version
 * ({@code scripts/reliability.sh}).
 */
class NodeFailureIntegrationTests {

	private static final int CONTACTS = Integer.getInteger("nurture.reliability.contacts", 100);

	private static final int KILLS = Integer.getInteger("nurture.reliability.kills", 2);

	private static final int EMBEDDED_KILLS = 5;

	private static final int STEPS_PER_CONTACT = 4;

	private static final Duration FINISH = Duration.ofMinutes(Math.max(3, CONTACTS / 100));

	private static final String TOKEN = "reliability-admin-token";

	private static final String SECRET = "reliability-booking-secret";

	private static final String NO_SHOW_STEPS = """
			select count(*) from nurture_step_runs r join nurture_enrollments e on e.id = r.enrollment_id
			where e.sequence_key = 'no_show'""";

	private final Random random = new Random(Long.getLong("nurture.reliability.seed", System.nanoTime()));

	private final ChatwootAccount account = new ChatwootAccount();

	private final List<ServiceNode> nodes = new ArrayList<>();

	private Path dataDir;

	private int postgresPort;

	private EmbeddedPostgres postgres;

	private WireMockServer chatwoot;

	private JdbcClient jdbc;

	@BeforeEach
	void start() throws IOException {
		dataDir = Files.createTempDirectory("nurture-nodes-");
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "200")
			.start();
		postgresPort = postgres.getPort();
		jdbc = JdbcClient.create(postgres.getPostgresDatabase());
		chatwoot = ChatwootAccount.start(account);
	}

	@AfterEach
	void stop() throws IOException {
		nodes.stream().filter(ServiceNode::alive).forEach(ServiceNode::kill);
		// An embedded node killed by a failed test leaves its PostgreSQL running.
		Path pidFile = embeddedPostgresDir().resolve("postmaster.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0)))
				.filter(ProcessHandle::isAlive)
				.ifPresent(postmaster -> {
					postmaster.destroy();
					postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).join();
				});
		}
		chatwoot.stop();
		postgres.close();
	}

	@Test
	void killedAtRandomPointsAndRestartedEveryStepIsDeliveredOnce() {
		ServiceNode node = node("crash").start().awaitUp();
		int steps = enroll(List.of(node));
		int killed = 0;
		for (int threshold : killPoints(steps, KILLS)) {
			awaitDelivered(threshold);
			node.kill();
			killed++;
			node.start().awaitUp();
		}
		Figures figures = awaitAllDelivered(steps);
		report("crash", killed, figures);
		assertThat(killed).isEqualTo(KILLS);
	}

	/**
	 * Booking webhooks through the inbox while the node is killed: every delivery
	 * answered 202 is enrolled, one stored but unanswered at the kill is enrolled too
	 * (its sender's retry is a 200 duplicate), and none twice.
	 */
	@Test
	void killedWhileWebhooksArriveEveryAcceptedOneIsEnrolledOnce() throws InterruptedException {
		ServiceNode node = node("inbox").start().awaitUp();
		Map<Integer, Integer> answers = new ConcurrentHashMap<>();
		List<Thread> senders = new ArrayList<>();
		for (int s = 0; s < 4; s++) {
			int sender = s;
			Thread thread = new Thread(() -> {
				TestHttp http = new TestHttp(node.port(), TOKEN, SECRET);
				for (int i = sender; i < CONTACTS * 4; i += 4) {
					try {
						answers.put(i, http.booking(noShow(i)).status());
					}
					catch (IllegalStateException ex) {
						answers.put(i, 0);
					}
				}
			});
			senders.add(thread);
			thread.start();
		}
		await().atMost(FINISH)
			.until(() -> answers.values().stream().filter(status -> status == 202).count() >= CONTACTS);
		node.kill();
		for (Thread thread : senders) {
			thread.join();
		}
		node.start().awaitUp();
		TestHttp http = new TestHttp(node.port(), TOKEN, SECRET);
		int accepted = (int) answers.values().stream().filter(status -> status == 202).count();
		int retriedDuplicates = 0;
		for (Map.Entry<Integer, Integer> answer : answers.entrySet()) {
			if (answer.getValue() != 202) {
				int status = http.booking(noShow(answer.getKey())).status();
				assertThat(status).isIn(200, 202);
				retriedDuplicates += (status == 200) ? 1 : 0;
			}
		}
		await().atMost(FINISH)
			.until(() -> jdbc.sql("select count(*) from nurture_webhook_inbox").query(Integer.class).single() == 0);

		assertThat(accepted).isGreaterThanOrEqualTo(CONTACTS).isLessThan(CONTACTS * 4);
		assertThat(jdbc.sql("select count(*) from nurture_enrollments").query(Integer.class).single())
			.isEqualTo(CONTACTS * 4);
		assertThat(jdbc.sql("select count(*) from triggers").query(Integer.class).single()).isEqualTo(CONTACTS * 4);
		assertThat(jdbc.sql("select count(*) from webhook_events where processed_at is null")
			.query(Integer.class)
			.single()).isZero();
		System.out.printf(
				"inbox under kill -9: %d answered 202 before the kill, %d stored but unanswered "
						+ "(their retry: 200 duplicate), %d enrolled, none twice%n",
				accepted, retriedDuplicates, CONTACTS * 4);
	}

	@Test
	void threeNodesShareTheWorkAndADeadOneLosesNothing() {
		List<ServiceNode> three = List.of(node("a"), node("b"), node("c"));
		three.forEach(ServiceNode::start);
		three.forEach(ServiceNode::awaitUp);
		int steps = enroll(three);
		awaitDelivered(steps / 3);
		three.get(1).kill();
		Figures figures = awaitAllDelivered(steps);
		report("three nodes, one killed", 1, figures);
	}

	@Test
	void postgresRestartedMidLoadTheServiceRecoversByItself() throws IOException {
		ServiceNode node = node("db").start().awaitUp();
		int steps = enroll(List.of(node));
		awaitDelivered(steps / 3);
		postgres.close();
		await().atMost(Duration.ofSeconds(30)).until(() -> node.health() == 503);
		postgres = restartPostgres();
		jdbc = JdbcClient.create(postgres.getPostgresDatabase());
		await().atMost(Duration.ofSeconds(60)).until(() -> node.health() == 200);
		Figures figures = awaitAllDelivered(steps);
		report("database restart", 0, figures);
	}

	@Test
	void chatwootDownThrottlingAndSlowThenBackDeliversEveryStepOnceAndOneRefusedContactBlocksNoOne() {
		ServiceNode node = node("outage").start().awaitUp();
		account.failWith(503);
		account.refuseMessagesTo(phone(0));
		int steps = enroll(List.of(node));
		// A contact's steps go out one at a time, so while Chatwoot fails each contact
		// has
		// one step retrying and the rest waiting behind it.
		awaitRetried(2, CONTACTS / 2);
		account.failWith(429);
		awaitRetried(4, CONTACTS / 2);
		account.failWith(0);
		account.delay(100);
		await().atMost(FINISH)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.sql(NO_SHOW_STEPS + " and r.status in ('scheduled', 'sending')")
				.query(Integer.class)
				.single() == 0);
		// Only the refused contact's steps failed, each with Chatwoot's reason on the
		// step;
		// everyone else's went out once.
		int refused = STEPS_PER_CONTACT;
		assertThat(jdbc.sql(NO_SHOW_STEPS + " and r.status = 'sent'").query(Integer.class).single())
			.isEqualTo(steps - refused);
		assertThat(jdbc.sql("select reason from nurture_step_runs where status = 'failed'").query(String.class).list())
			.hasSize(refused)
			.allSatisfy(reason -> assertThat(reason).contains("Contact is blocked on WhatsApp"));
		Map<String, Integer> markers = account.markers();
		assertThat(markers.values()).as("duplicates, by conversation: %s", account.repeated()).containsOnly(1);
		assertThat(markers).hasSize(steps - refused);
		report("Chatwoot 503, then 429, then slow", 0, new Figures(steps, markers.size(), 0, 0));
	}

	/**
	 * The default mode: the node runs its own embedded PostgreSQL, durable. SIGKILLed
	 * under load, it leaves that PostgreSQL running on its data directory; started again
	 * at once (as systemd or a container would), it stops the leftover and comes up, five
	 * times. Its SIGTERM stops its PostgreSQL.
	 */
	@Test
	void embeddedDatabaseKilledAndRestartedAtOnceFiveTimesLosesNothingAndStopsWithTheService() {
		Path dir = embeddedPostgresDir();
		ServiceNode node = node("embedded", false).start().awaitUp();
		jdbc = embeddedJdbc(dir);
		for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
			assertThat(jdbc.sql("show " + setting).query(String.class).single()).as(setting).isEqualTo("on");
		}
		int steps = enroll(List.of(node));
		int killed = 0;
		for (int threshold : killPoints(steps, EMBEDDED_KILLS)) {
			awaitDelivered(threshold);
			node.kill();
			assertThat(processesOf(dir)).as("the killed node's PostgreSQL, still running").isNotEmpty();
			node.start().awaitUp();
			jdbc = embeddedJdbc(dir);
			killed++;
		}
		Figures figures = awaitAllDelivered(steps);
		node.stop();
		assertThat(processesOf(dir)).as("PostgreSQL processes after the service's SIGTERM").isEmpty();
		assertThat(dir.resolve("postmaster.pid")).doesNotExist();
		report("embedded database, kill -9 and restart at once", killed, figures);
		assertThat(killed).isEqualTo(EMBEDDED_KILLS);
	}

	/**
	 * {@code scripts/failover.sh}: the node on a primary and a standby run by
	 * pg_auto_failover, through a multi-host URL with {@code targetServerType=primary};
	 * the primary is failed over (killed, by default) a third of the way through the
	 * load. Every step still goes out once, and the run reports the seconds from the kill
	 * to the first step recorded on the new primary. Skipped without the script's
	 * {@code nurture.failover.url} and {@code nurture.failover.command}.
	 */
	@Test
	void failoverToTheStandbyMidLoad() throws IOException, InterruptedException {
		String url = System.getProperty("nurture.failover.url");
		String command = System.getProperty("nurture.failover.command");
		assumeTrue(url != null && command != null, "scripts/failover.sh runs this on a primary and a standby");
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setURL(url);
		source.setUser("postgres");
		jdbc = JdbcClient.create(source);
		ServiceNode node = node("failover", url).start().awaitUp();
		int steps = enroll(List.of(node));
		awaitDelivered(steps / 3);
		int sentBefore = sent();
		long failedAt = System.nanoTime();
		Process failover = new ProcessBuilder("bash", "-c", command).inheritIO().start();
		assertThat(failover.waitFor()).as("the failover command's exit status").isZero();
		await().atMost(FINISH).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> sent() > sentBefore);
		double outage = (System.nanoTime() - failedAt) / 1e9;
		Figures figures = awaitAllDelivered(steps);
		report("failover, %.1f s from the primary's failure to the next step recorded".formatted(outage), 1, figures);
	}

	private int sent() {
		return jdbc.sql(NO_SHOW_STEPS + " and r.status = 'sent'").query(Integer.class).single();
	}

	private Path embeddedPostgresDir() {
		return dataDir.resolve("node-embedded").resolve("postgres");
	}

	/**
	 * The embedded node's own database, on the port its {@code postmaster.pid} names,
	 * with the password the node keeps next to it.
	 */
	private static JdbcClient embeddedJdbc(Path dir) {
		try {
			PGSimpleDataSource source = new PGSimpleDataSource();
			source.setServerNames(new String[] { "localhost" });
			source.setPortNumbers(
					new int[] { Integer.parseInt(Files.readAllLines(dir.resolve("postmaster.pid")).get(3)) });
			source.setDatabaseName("postgres");
			source.setUser("postgres");
			source.setPassword(Files.readString(dir.resolveSibling("postgres-password")).trim());
			return JdbcClient.create(source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The postgres processes (postmaster and children) working in a data directory. */
	private static List<ProcessHandle> processesOf(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		return ProcessHandle.allProcesses().filter(process -> {
			try {
				return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
					.equals(dir.toRealPath());
			}
			catch (IOException | SecurityException ex) {
				return false;
			}
		}).toList();
	}

	private void awaitRetried(int attempts, int count) {
		await().atMost(FINISH)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.sql("select count(*) from nurture_step_runs where attempts >= :attempts")
				.param("attempts", attempts)
				.query(Integer.class)
				.single() >= count);
	}

	private record Figures(int steps, int delivered, int duplicates, int lost) {
	}

	/**
	 * Enroll the contacts through signed no-show webhooks, spread over the nodes, then
	 * make every planned step due now: thousands of steps due at once in the long run.
	 */
	private int enroll(List<ServiceNode> targets) {
		for (int i = 0; i < CONTACTS; i++) {
			TestHttp http = new TestHttp(targets.get(i % targets.size()).port(), TOKEN, SECRET);
			http.booking(noShow(i)).expect(202);
		}
		int steps = jdbc.sql("select count(*) from nurture_step_runs").query(Integer.class).single();
		// Made due now: a load of thousands of steps at once in the long run.
		assertThat(steps).isEqualTo(CONTACTS * STEPS_PER_CONTACT);
		jdbc.sql("update nurture_step_runs set due_at = now()").update();
		return steps;
	}

	private List<Integer> killPoints(int steps, int kills) {
		List<Integer> points = new ArrayList<>();
		for (int kill = 0; kill < kills; kill++) {
			int from = steps * kill / (kills + 1);
			points.add(Math.max(1, from + random.nextInt(Math.max(1, steps / (kills + 1)))));
		}
		return points;
	}

	private void awaitDelivered(int count) {
		await().atMost(FINISH).pollInterval(Duration.ofMillis(20)).until(() -> account.markers().size() >= count);
	}

	/**
	 * Wait until every step is sent, then judge by the stub's own count of markers: every
	 * expected marker once, none twice, none missing.
	 */
	private Figures awaitAllDelivered(int steps) {
		await().atMost(FINISH)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.sql(NO_SHOW_STEPS + " and r.status = 'sent'").query(Integer.class).single() == steps);
		// A finished no-show sequence starts the monthly drip: its steps are months away
		// and must not have gone out.
		List<String> expected = jdbc.sql("""
				select r.delivery_marker from nurture_step_runs r
				join nurture_enrollments e on e.id = r.enrollment_id where e.sequence_key = 'no_show'
				""").query(String.class).list();
		Map<String, Integer> markers = account.markers();
		int duplicates = markers.values().stream().mapToInt(count -> count - 1).sum();
		int lost = (int) expected.stream().filter(marker -> !markers.containsKey(marker)).count();
		assertThat(expected).hasSize(steps);
		assertThat(duplicates).as("duplicates, by conversation: %s", account.repeated()).isZero();
		assertThat(lost).as("lost").isZero();
		assertThat(markers.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		return new Figures(steps, markers.size(), duplicates, lost);
	}

	private static void report(String run, int kills, Figures figures) {
		System.out.printf("reliability %s: kills survived %d, steps checked %d, delivered %d, duplicates %d, lost %d%n",
				run, kills, figures.steps(), figures.delivered(), figures.duplicates(), figures.lost());
	}

	private EmbeddedPostgres restartPostgres() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(dataDir.resolve("postgres"))
				.setCleanDataDirectory(false)
				.setPort(postgresPort)
				.setServerConfig("max_connections", "200")
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ServiceNode node(String name) {
		return node(name, true);
	}

	/**
	 * A node on the test's shared PostgreSQL, or (not {@code shared}) on its own embedded
	 * one in its data directory, as a clinic runs it by default.
	 */
	private ServiceNode node(String name, boolean shared) {
		return node(name, shared ? postgres.getJdbcUrl("postgres", "postgres") : null);
	}

	/** A node on the database {@code url} names, or on its own embedded one (null). */
	private ServiceNode node(String name, String url) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_DATASOURCE_URL", url);
		environment.put("SPRING_DATASOURCE_USERNAME", (url != null) ? "postgres" : null);
		environment.put("SPRING_DATASOURCE_PASSWORD", (url != null) ? "" : null);
		environment.put("NURTURE_DATA_DIR", dataDir.resolve("node-" + name).toString());
		environment.put("NURTURE_CLOCK", "system");
		environment.put("NURTURE_ADMIN_TOKEN", TOKEN);
		environment.put("BOOKING_WEBHOOK_SECRET", SECRET);
		environment.put("CHATWOOT_BASE_URL", chatwoot.baseUrl());
		environment.put("CHATWOOT_API_TOKEN", "reliability-chatwoot-token");
		environment.put("CHATWOOT_ACCOUNT_ID", "1");
		environment.put("CHATWOOT_WHATSAPP_INBOX_ID", "4");
		List<String> arguments = new ArrayList<>(List.of("--nurture.quiet-hours.start=00:00",
				"--nurture.quiet-hours.end=23:59:59.999999999",
				"--nurture.quiet-hours.days=MON,TUE,WED,THU,FRI,SAT,SUN", "--nurture.frequency-cap=PT0S",
				"--nurture.scheduler.heartbeat-interval=PT1S", "--nurture.scheduler.polling-interval=PT0.2S",
				"--nurture.holdout.default-percent=0", "--nurture.chatwoot.retry-base=PT1S",
				"--nurture.chatwoot.retry-max=PT5S", "--nurture.chatwoot.timeout=PT5S",
				"--nurture.chatwoot.requests-per-minute=1000000", "--nurture.chatwoot.searches-per-minute=1000000",
				"--nurture.chatwoot.conversation-messages-per-minute=1000000",
				"--spring.datasource.hikari.connection-timeout=2000"));
		Consumer<String> template = objective -> {
			arguments.add("--nurture.whatsapp.templates." + objective + ".name=nurture_" + objective);
			arguments.add("--nurture.whatsapp.templates." + objective + ".language=pt_BR");
			arguments.add("--nurture.whatsapp.templates." + objective + ".body=first_name");
		};
		List.of("reschedule", "availability", "reassure", "nudge").forEach(template);
		ServiceNode node = new ServiceNode(name, environment, arguments);
		nodes.add(node);
		return node;
	}

	private static String noShow(int i) {
		return """
				{"id":"evt_rel_%d","type":"booking.noShow","occurredAt":"2026-01-05T08:00:00Z",
				 "booking":{"id":"bk_rel_%d","startsAt":"2026-01-20T14:00:00Z","service":"Botox consultation","procedure":"botox"},
				 "contact":{"externalId":"c_rel_%d","name":"Patient %d","phone":"%s",
				            "timezone":"America/Sao_Paulo","preferredChannel":"whatsapp","locale":"pt-BR"}}
				"""
			.formatted(i, i, i, i, phone(i));
	}

	private static String phone(int i) {
		return "+55119%08d".formatted(i);
	}

}
