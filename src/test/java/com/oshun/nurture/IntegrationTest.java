package com.oshun.nurture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.oshun.nurture.compose.ClinicKnowledge;
import com.oshun.nurture.compose.TestReplyClassifiers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.oshun.nurture.delivery.TestDeliveries;
import com.oshun.nurture.enrollment.TestHandoffs;
import com.oshun.nurture.metrics.WebhookHealth;
import com.oshun.nurture.scheduling.ClockAdvancer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: the whole service on a real PostgreSQL (embedded, one
 * per JVM, or the one {@code SPRING_DATASOURCE_URL} names) with a simulated clock that
 * starts every test on Monday 2026-01-05 08:00 UTC. All subclasses share one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "nurture.clock=simulated",
		"nurture.clock-start=2026-01-05T08:00:00Z", "nurture.metrics.refresh-interval=PT0S",
		// a loaded build machine must not turn a webhook's answer before its
		// events are applied into a flaky test
		"nurture.webhooks.inbox.answer-wait=PT10S", "nurture.holdout.default-percent=0",
		"nurture.admin-token=" + IntegrationTest.TOKEN, "nurture.webhooks.booking-secret=" + IntegrationTest.SECRET,
		"nurture.webhooks.calcom-secret=" + IntegrationTest.CALCOM_SECRET,
		"nurture.webhooks.calendly-signing-key=" + IntegrationTest.CALENDLY_KEY,
		"nurture.chatwoot.api-token=test-token", "nurture.chatwoot.account-id=1",
		"nurture.chatwoot.whatsapp-inbox-id=4", "nurture.chatwoot.instagram-inbox-id=7",
		"nurture.chatwoot.webhook-secret=" + IntegrationTest.CHATWOOT_SECRET,
		"nurture.chatwoot.webhook-token=" + IntegrationTest.CHATWOOT_TOKEN, "nurture.chatwoot.timeout=PT5S",
		"nurture.whatsapp.templates.reschedule.name=booking_reschedule",
		"nurture.whatsapp.templates.reschedule.language=pt_BR",
		"nurture.whatsapp.templates.reschedule.body=first_name,procedure",
		// Open slots: Cal.com for "peel", Calendly for "laser" (procedures no
		// other
		// test uses), answered by the SLOTS stub; read afresh at every compose.
		"nurture.booking.slots.calcom.api-key=test-calcom-key",
		"nurture.booking.slots.calcom.event-types.peel.id=" + IntegrationTest.CALCOM_EVENT_TYPE,
		"nurture.booking.slots.calcom.event-types.peel.link=https://cal.com/oshun-clinic/peel",
		"nurture.booking.slots.calendly.api-token=" + IntegrationTest.CALENDLY_TOKEN,
		"nurture.booking.slots.calendly.event-types.laser=" + IntegrationTest.CALENDLY_EVENT_TYPE,
		"nurture.booking.slots.timeout=PT1S", "nurture.booking.slots.cache-for=PT0S",
		"nurture.booking.slots.failure-cache-for=PT0S" })
@Import({ TestComposition.class, TestDeliveries.class, TestHandoffs.class, TestReplyClassifiers.class,
		InboundEvents.class })
public abstract class IntegrationTest {

	public static final String TOKEN = "test-admin-token";

	public static final String SECRET = "test-booking-secret";

	public static final String CALCOM_SECRET = "test-calcom-secret";

	public static final String CALENDLY_KEY = "test-calendly-signing-key";

	public static final String CHATWOOT_SECRET = "test-chatwoot-secret";

	/** The path token of unsigned deliveries from Chatwoot before 4.11.2. */
	public static final String CHATWOOT_TOKEN = "Test-Chatwoot-Token-4f9c2a";

	/** Chatwoot, stubbed: one server for the JVM, so the shared context keeps its URL. */
	protected static final WireMockServer CHATWOOT = startChatwoot();

	/** Cal.com's and Calendly's slots APIs, stubbed, likewise. */
	protected static final WireMockServer SLOTS = startChatwoot();

	public static final long CALCOM_EVENT_TYPE = 4242;

	public static final String CALENDLY_TOKEN = "test-calendly-token";

	public static final String CALENDLY_EVENT_TYPE = "https://api.calendly.com/event_types/AAAAAAAAAAAAAAAA";

	public static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

	private static final Path DATA_DIR = tempDir();

	private static final List<String> TABLES = List.of("contacts", "contact_keys", "bookings", "webhook_events",
			"triggers", "nurture_enrollments", "nurture_step_runs", "messages", "outbox", "contact_preferences",
			"preference_changes", "memory_knowledge", "chatwoot_conversations", "nurture_webhook_inbox");

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected ClockAdvancer clock;

	@Autowired
	protected TestComposition.Gate compositionGate;

	@Autowired
	protected ClinicKnowledge clinicKnowledge;

	@Autowired
	protected TestDeliveries.Switch delivery;

	@Autowired
	protected TestHandoffs.Switch handoffs;

	@Autowired
	protected TestReplyClassifiers.Switch replyClassifier;

	@Autowired
	protected InboundEvents inboundEvents;

	@Autowired
	protected WebhookHealth webhookHealth;

	protected TestHttp http;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("nurture.data-dir", DATA_DIR::toString);
		// Fast and throwaway: fsync and synchronous commit off (the default is durable).
		registry.add("nurture.embedded.durable", () -> "false");
		registry.add("nurture.chatwoot.base-url", CHATWOOT::baseUrl);
		registry.add("nurture.booking.slots.calcom.api-url", SLOTS::baseUrl);
		registry.add("nurture.booking.slots.calendly.api-url", SLOTS::baseUrl);
	}

	@BeforeEach
	protected void resetWorld() {
		jdbc.sql("truncate " + String.join(", ", TABLES) + " restart identity cascade").update();
		jdbc.sql("update scheduled_tasks set execution_time = :start, picked = false")
			.param("start", START.atOffset(java.time.ZoneOffset.UTC))
			.update();
		clock.reset(START);
		clinicKnowledge.reload();
		compositionGate.open();
		compositionGate.forget();
		delivery.useOutbox();
		handoffs.off();
		replyClassifier.off();
		inboundEvents.clear();
		webhookHealth.forget();
		CHATWOOT.resetAll();
		SLOTS.resetAll();
		ChatwootStubs.defaults(CHATWOOT);
		http = new TestHttp(port, TOKEN, SECRET);
	}

	/**
	 * Every request any test made to Chatwoot must be one its OpenAPI document allows.
	 */
	@AfterEach
	void chatwootRequestsMatchItsSpec() {
		ChatwootSpec.assertConforms(CHATWOOT.findAll(com.github.tomakehurst.wiremock.client.WireMock
			.anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())));
	}

	/** A 400 problem+json naming {@code field}. */
	protected static void assertField(TestHttp.Response response, String field) {
		response.expect(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("field").stringValue()).isEqualTo(field);
	}

	/** Refused input stored nothing: no contact, no processed delivery. */
	protected void assertNothingStored() {
		assertThat(count("select count(*) from contacts")).isZero();
		assertThat(count("select count(*) from webhook_events")).isZero();
	}

	protected long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	protected Instant now() {
		return Instant.parse(http.get("/api/clock").json().get("now").stringValue());
	}

	/** A step row's status and reason, as the tests of one enrollment read them. */
	protected record StepRow(String status, String reason) {
	}

	/** The step numbered {@code stepNo} (of the test's one enrollment). */
	protected StepRow stepRow(int stepNo) {
		return jdbc.sql("select status, reason from nurture_step_runs where step_no = :s")
			.param("s", stepNo)
			.query((rs, n) -> new StepRow(rs.getString(1), rs.getString(2)))
			.single();
	}

	/**
	 * A time column ({@code due_at}, {@code sent_at}) of the step numbered
	 * {@code stepNo}.
	 */
	protected Instant stepTime(String column, int stepNo) {
		return jdbc.sql("select " + column + " from nurture_step_runs where step_no = :s")
			.param("s", stepNo)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.single();
	}

	protected void advance(String by) {
		http.post("/api/clock/advance", "{\"by\":\"" + by + "\"}").expect(200);
	}

	private static WireMockServer startChatwoot() {
		WireMockServer server = new WireMockServer(
				com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
		server.start();
		return server;
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("nurture-it-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
