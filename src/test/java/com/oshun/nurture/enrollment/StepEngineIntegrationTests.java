package com.oshun.nurture.enrollment;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.SequenceVersions;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step engine's edges: what the claim reads for a whole batch, and what a batch
 * records when another attempt holds its step.
 */
@ExtendWith(OutputCaptureExtension.class)
class StepEngineIntegrationTests extends IntegrationTest {

	private boolean dripEdited;

	@AfterEach
	void restoreTheDrip() {
		if (dripEdited) {
			SequenceVersions.restoreFirst(http, "drip");
		}
	}

	@Test
	void aDripStepSentLateHoldsTheNextOneBackByTheDripGap() {
		dripEdited = true;
		http.put("/api/sequences/drip", """
				{"tone":"calm","sendAt":"10:00","steps":[{"objective":"drip","day":32},{"objective":"drip","day":57},
				 {"objective":"drip","day":82}]}""").expect(200);
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("P8D");
		Instant firstDue = dripStep(1, "due_at");

		// The patient writes an hour before the first drip message: it waits until the
		// conversation has been quiet for the quiet gap (2 h), and so goes out late.
		Instant reply = firstDue.minus(Duration.ofHours(1));
		http.post("/api/clock/advance", "{\"to\":\"" + reply + "\"}").expect(200);
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(phone("c_1"), "ok, thanks", reply)).expect(202);
		advance("P40D");

		Instant first = dripStep(1, "sent_at");
		Instant second = dripStep(2, "sent_at");
		assertThat(first).isAfterOrEqualTo(reply.plus(Duration.ofHours(2)));
		assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofDays(25));
		assertThat(jdbc.sql("""
				select s.reason from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
				where e.sequence_key = 'drip' and s.step_no = 2""").query(String.class).single())
			.contains("drip messages at least the drip gap apart");
	}

	@Test
	void aBatchThatLostItsLeaseLeavesTheStepToTheAttemptThatHoldsItAndSendsItOnce(CapturedOutput output)
			throws Exception {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		compositionGate.close();
		CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> advance("PT6H"));
		assertThat(compositionGate.awaitArrival()).isTrue();

		// This node stalls past its lease; another node claims the step as attempt 2.
		Instant otherLease = START.plus(Duration.ofHours(7));
		jdbc.sql("update nurture_step_runs set attempts = 2, lease_until = :lease where step_no = 1")
			.param("lease", otherLease.atOffset(java.time.ZoneOffset.UTC))
			.update();
		compositionGate.open();
		batch.join();

		assertThat(jdbc.sql("select status || ' ' || attempts from nurture_step_runs where step_no = 1")
			.query(String.class)
			.single()).isEqualTo("sending 2");
		assertThat(count("select count(*) from messages where direction = 'out'")).isZero();
		assertThat(count("select count(*) from contacts where last_nurture_at is not null")).isZero();
		long enrollment = count("select enrollment_id from nurture_step_runs where step_no = 1");
		assertThat(output.getAll()).contains("Steps [" + enrollment + "/1] were claimed again by another attempt")
			.doesNotContain("Ana Souza");

		// That attempt's node dies too; the next attempt finds the message already out.
		advance("PT2H");
		assertThat(jdbc.sql("select status || ' ' || attempts from nurture_step_runs where step_no = 1")
			.query(String.class)
			.single()).isEqualTo("sent 3");
		assertThat(count("select count(*) from outbox")).isEqualTo(1);
		assertThat(count("select count(*) from messages where direction = 'out'")).isEqualTo(1);
	}

	@Test
	void aContactsStepsDueAtTheSameMomentGoInTheirOrder() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		// Steps 2 and 3 fall due together (a deferral and quiet hours can land them on
		// the
		// same moment); step 3's row was written first.
		Instant together = Instant.parse("2026-01-07T15:00:00Z");
		for (int stepNo : new int[] { 3, 2 }) {
			jdbc.sql("update nurture_step_runs set due_at = :due where step_no = :step")
				.param("due", together.atOffset(java.time.ZoneOffset.UTC))
				.param("step", stepNo)
				.update();
		}

		http.post("/api/clock/advance", "{\"to\":\"" + together.plus(Duration.ofHours(1)) + "\"}").expect(200);

		assertThat(jdbc.sql("select status from nurture_step_runs order by step_no").query(String.class).list())
			.containsExactly("sent", "sent", "scheduled", "scheduled");
		assertThat(jdbc.sql("select reason from nurture_step_runs where step_no = 3").query(String.class).single())
			.contains("frequency cap");
	}

	private Instant dripStep(int stepNo, String column) {
		return jdbc.sql("select s." + column + """
				 from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
				where e.sequence_key = 'drip' and s.step_no = :step""")
			.param("step", stepNo)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.single();
	}

	private String phone(String key) {
		return jdbc.sql("select c.phone from contacts c join contact_keys k on k.contact_id = c.id where k.key = :k")
			.param("k", key)
			.query(String.class)
			.single();
	}

}
