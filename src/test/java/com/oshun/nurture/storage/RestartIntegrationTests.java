package com.oshun.nurture.storage;

import com.oshun.nurture.TestComposition;
import com.oshun.nurture.NurtureApplication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.oshun.nurture.scheduling.ClockAdvancer;
import com.oshun.nurture.triggers.BookingEvent;
import com.oshun.nurture.triggers.BookingEvents;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node dies in the middle of a sequence, with a step between "sending" and "sent"; a
 * new node on the same database finishes the sequence with every step delivered exactly
 * once.
 */
class RestartIntegrationTests {

	private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

	@Test
	void aRestartMidSequenceLosesNothingAndRepeatsNothing() throws Exception {
		Path dataDir = Files.createTempDirectory("nurture-restart-");

		ConfigurableApplicationContext first = start(dataDir);
		first.getBean(BookingEvents.class).apply("test", noShow());
		ClockAdvancer firstClock = first.getBean(ClockAdvancer.class);
		firstClock.advanceTo(START.plus(Duration.ofHours(6)));
		assertThat(statuses(first)).containsExactly("sent", "scheduled", "scheduled", "scheduled");
		TestComposition.Gate gate = first.getBean(TestComposition.Gate.class);
		gate.close();
		CompletableFuture<Void> dying = CompletableFuture
			.runAsync(() -> firstClock.advanceTo(START.plus(Duration.ofDays(2))));
		assertThat(gate.awaitArrival()).isTrue();
		assertThat(statuses(first)).containsExactly("sent", "sending", "scheduled", "scheduled");
		first.close();
		gate.open();
		dying.handle((ok, failure) -> null).join();

		ConfigurableApplicationContext second = start(dataDir);
		try {
			second.getBean(ClockAdvancer.class).advanceTo(START.plus(Duration.ofDays(10)));

			assertThat(statuses(second)).containsExactly("sent", "sent", "sent", "sent");
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			List<String> markers = jdbc
				.sql("select delivery_marker from outbox where delivery_marker like 'nurture:1/%' order by id")
				.query(String.class)
				.list();
			assertThat(markers).containsExactly("nurture:1/1", "nurture:1/2", "nurture:1/3", "nurture:1/4");
			assertThat(jdbc.sql("select count(*) from messages where direction = 'out' and enrollment_id = 1")
				.query(Long.class)
				.single()).isEqualTo(4);
		}
		finally {
			second.close();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(NurtureApplication.class, TestComposition.class)
			.web(WebApplicationType.NONE)
			.run("--nurture.data-dir=" + dataDir, "--nurture.embedded.durable=false", "--nurture.clock=simulated",
					"--nurture.clock-start=" + START, "--nurture.admin-token=restart-test");
	}

	private static List<String> statuses(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("select status from nurture_step_runs where enrollment_id = 1 order by step_no")
			.query(String.class)
			.list();
	}

	private static BookingEvent noShow() {
		return new BookingEvent("evt_restart", BookingEvent.Type.NO_SHOW, START,
				new BookingEvent.Booking("bk_1", null, "Botox consultation", "botox"), "c_restart",
				new com.oshun.nurture.contact.ContactDetails("Ana Souza", null, null, "America/Sao_Paulo", "pt-BR",
						"whatsapp", null, null, null, null),
				null);
	}

}
