package com.oshun.nurture.enrollment;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine end to end: webhooks and the admin API in, the simulated clock moved
 * forward, the outbox and the timeline read back.
 */
class EngineIntegrationTests extends IntegrationTest {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	record Step(long enrollmentId, int stepNo, String sequence, String objective, String status, Instant dueAt,
			Instant sentAt, String content, String reason) {
	}

	@Test
	void aNoShowSequenceWithoutABookingRunsToTheEndAndMovesToTheDrip() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("P8D");

		List<Step> noShow = steps("no_show");
		assertThat(noShow).extracting(Step::objective)
			.containsExactly("reschedule", "availability", "reassure", "nudge");
		assertThat(noShow).extracting(Step::status).containsOnly("sent");
		assertThat(noShow).allSatisfy(step -> {
			ZonedDateTime local = step.sentAt().atZone(SAO_PAULO);
			assertThat(local.getHour()).isBetween(9, 19);
			assertThat(local.getDayOfWeek()).isNotEqualTo(java.time.DayOfWeek.SUNDAY);
			assertThat(step.content()).contains("Ana").contains("botox");
		});
		assertThat(outboxMarkers()).hasSize(4).doesNotHaveDuplicates();
		assertThat(enrollmentStatus("no_show")).isEqualTo("completed");

		List<Step> drip = steps("drip");
		assertThat(drip).hasSize(6).extracting(Step::status).containsOnly("scheduled");
		Instant lastNoShow = noShow.get(3).sentAt();
		assertThat(Duration.between(lastNoShow, drip.get(0).dueAt()).toDays()).isBetween(29L, 31L);
		assertThat(http.get("/api/contacts/c_1").json().get("activeEnrollment").get("sequence").stringValue())
			.isEqualTo("drip");
	}

	@Test
	void aBookingEndsTheEnrollmentAndCancelsEveryPendingStepInOneGo() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		assertThat(steps("no_show")).extracting(Step::status)
			.containsExactly("sent", "scheduled", "scheduled", "scheduled");

		http.booking(BookingJson.created("evt_2", "c_1")).expect(202);

		assertThat(steps("no_show")).extracting(Step::status)
			.containsExactly("sent", "cancelled", "cancelled", "cancelled");
		assertThat(enrollmentStatus("no_show")).isEqualTo("ended");
		assertThat(jdbc.sql("select end_reason from nurture_enrollments").query(String.class).single())
			.isEqualTo("booked");
		assertThat(jdbc.sql("select count(*) from nurture_step_runs where status in ('scheduled', 'sending')")
			.query(Long.class)
			.single()).isZero();
		advance("P60D");
		assertThat(outboxMarkers()).hasSize(1);
		assertThat(http.get("/api/contacts/c_1").json().get("activeEnrollment").isNull()).isTrue();
	}

	@Test
	void twoTriggersForOneContactAtOnceMakeOneEnrollment() throws Exception {
		http.put("/api/contacts/c_1", "{\"name\":\"Bea\",\"timezone\":\"Europe/London\"}").expect(200);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String body = BookingJson.noShow("evt_" + i, "c_1");
				answers.add(CompletableFuture.supplyAsync(() -> http.booking(body).status(), pool));
			}
			assertThat(answers).extracting(CompletableFuture::join).containsOnly(202);
		}
		finally {
			pool.shutdown();
		}

		assertThat(jdbc.sql("select count(*) from nurture_enrollments").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from triggers where outcome like 'not enrolled: already in no_show'")
			.query(Long.class)
			.single()).isEqualTo(7);
	}

	@Test
	void aStrongerTriggerReplacesAWeakerEnrollmentButNotTheOtherWayRound() {
		http.put("/api/contacts/c_1", "{\"name\":\"Bea\",\"timezone\":\"Europe/London\"}").expect(200);
		http.post("/api/contacts/c_1/warm-lead", "{\"procedure\":\"fillers\",\"interests\":[\"lips\"]}").expect(200);
		advance("PT49H");
		assertThat(enrollmentStatus("warm_lead")).isEqualTo("active");

		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		assertThat(enrollmentStatus("warm_lead")).isEqualTo("ended");
		assertThat(jdbc.sql("select end_reason from nurture_enrollments where sequence_key = 'warm_lead'")
			.query(String.class)
			.single()).isEqualTo("replaced by no_show");
		assertThat(steps("warm_lead")).extracting(Step::status).contains("cancelled");

		http.post("/api/contacts/c_1/warm-lead", "{\"procedure\":\"fillers\"}").expect(200);
		advance("PT49H");
		assertThat(enrollmentStatus("no_show")).isEqualTo("active");
		assertThat(jdbc.sql("select outcome from triggers where kind = 'warm_lead.quiet' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("not enrolled: already in no_show");
	}

	@Test
	void aWarmLeadIsEnrolledOnlyAfterTheQuietPeriodAndWritesAboutTheirProcedure() {
		http.put("/api/contacts/c_1", "{\"name\":\"Bea Lima\",\"timezone\":\"Europe/London\",\"locale\":\"en-GB\"}")
			.expect(200);
		http.post("/api/contacts/c_1/warm-lead", "{\"procedure\":\"fillers\"}").expect(200);

		advance("PT47H");
		assertThat(jdbc.sql("select count(*) from nurture_enrollments").query(Long.class).single()).isZero();

		advance("PT2H");
		assertThat(enrollmentStatus("warm_lead")).isEqualTo("active");
		advance("P15D");
		List<Step> warm = steps("warm_lead");
		assertThat(warm).extracting(Step::objective)
			.containsExactly("info", "social_proof", "offer", "education", "nudge");
		assertThat(warm).allSatisfy(step -> assertThat(step.content()).contains("Bea").contains("fillers"));
		assertThat(warm).extracting(Step::content).doesNotHaveDuplicates();
	}

	@Test
	void aLapsedPatientIsEnrolledWhenTheRebookWindowPassesWithNoFutureBooking() {
		http.booking(BookingJson.event("evt_1", "booking.completed", "c_1",
				"\"carePlan\":{\"completed\":true,\"rebookWithinDays\":10}"))
			.expect(202);
		http.booking(BookingJson.event("evt_2", "booking.completed", "c_2",
				"\"carePlan\":{\"completed\":true,\"rebookWithinDays\":10}"))
			.expect(202);
		http.booking(BookingJson.event("evt_3", "booking.created", "c_2", null).replace("bk_c_2", "bk_future"))
			.expect(202);

		advance("P9D");
		assertThat(jdbc.sql("select count(*) from nurture_enrollments").query(Long.class).single()).isZero();
		advance("P2D");

		assertThat(jdbc.sql("""
				select k.key from nurture_enrollments e join contact_keys k on k.contact_id = e.contact_id
				where e.sequence_key = 'lapsed'
				""").query(String.class).list()).containsExactly("c_1");
		assertThat(steps("lapsed").get(0).content()).contains("botox");
	}

	@Test
	void aContactWithoutMarketingConsentIsNeverEnrolled() {
		http.put("/api/contacts/c_1", "{\"name\":\"Bea\",\"marketingConsent\":false}").expect(200);

		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		assertThat(jdbc.sql("select count(*) from nurture_enrollments").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select outcome from triggers").query(String.class).single())
			.isEqualTo("not enrolled: marketing consent withdrawn");
	}

	@Test
	void noContactGetsTwoNurtureMessagesWithin24Hours() {
		http.put("/api/contacts/c_1", "{\"name\":\"Bea\",\"timezone\":\"America/Sao_Paulo\"}").expect(200);
		http.post("/api/contacts/c_1/warm-lead", "{\"procedure\":\"fillers\"}").expect(200);
		advance("PT54H");
		assertThat(steps("warm_lead").get(0).status()).isEqualTo("sent");

		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("P10D");

		List<Instant> sent = jdbc.sql("select created_at from outbox order by created_at")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.list();
		assertThat(sent).hasSizeGreaterThan(3);
		for (int i = 1; i < sent.size(); i++) {
			assertThat(Duration.between(sent.get(i - 1), sent.get(i))).isGreaterThanOrEqualTo(Duration.ofHours(24));
		}
	}

	@Test
	void pausedStepsWaitAndResumeLaterByThePauseLength() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		long id = http.get("/api/contacts/c_1").json().get("activeEnrollment").get("id").longValue();
		http.post("/api/enrollments/" + id + "/pause", "").expect(200);
		http.post("/api/enrollments/" + id + "/pause", "").expect(409);

		advance("P3D");
		assertThat(outboxMarkers()).isEmpty();

		var resumed = http.post("/api/enrollments/" + id + "/resume", "").expect(200).json();
		assertThat(resumed.get("status").stringValue()).isEqualTo("active");
		advance("P10D");
		assertThat(steps("no_show")).extracting(Step::status).containsOnly("sent");
		assertThat(steps("no_show").get(0).sentAt()).isAfter(START.plus(Duration.ofDays(3)));
	}

	@Test
	void anOperatorCancelEndsTheEnrollmentWithoutADrip() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		long id = http.get("/api/contacts/c_1").json().get("activeEnrollment").get("id").longValue();

		var cancelled = http.post("/api/enrollments/" + id + "/cancel", "").expect(200).json();

		assertThat(cancelled.get("status").stringValue()).isEqualTo("ended");
		assertThat(cancelled.get("endReason").stringValue()).isEqualTo("cancelled by operator");
		advance("P40D");
		assertThat(outboxMarkers()).isEmpty();
		assertThat(jdbc.sql("select count(*) from nurture_enrollments").query(Long.class).single()).isEqualTo(1);
		http.post("/api/enrollments/999/cancel", "").expect(404);
	}

	@Test
	void aStepWhoseSendStartedBeforeTheBookingIsTheOnlyOneThatGoesOutAndIsRecordedAsSuch() throws Exception {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		compositionGate.close();
		CompletableFuture<Void> stepRun = CompletableFuture.runAsync(() -> advance("PT6H"));
		assertThat(compositionGate.awaitArrival()).isTrue();

		http.booking(BookingJson.created("evt_2", "c_1")).expect(202);
		compositionGate.open();
		stepRun.join();

		List<Step> steps = steps("no_show");
		assertThat(steps).extracting(Step::status).containsExactly("sent", "cancelled", "cancelled", "cancelled");
		assertThat(steps.get(0).reason()).contains("send had already started when the enrollment ended (booked)");
		advance("P40D");
		assertThat(outboxMarkers()).hasSize(1);
		assertThat(jdbc.sql("select count(*) from nurture_enrollments where sequence_key = 'drip'")
			.query(Long.class)
			.single()).isZero();
	}

	private List<Step> steps(String sequence) {
		return jdbc
			.sql("""
					select s.enrollment_id, s.step_no, e.sequence_key, s.objective, s.status, s.due_at, s.sent_at, s.content, s.reason
					from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
					where e.sequence_key = :sequence order by s.enrollment_id, s.step_no
					""")
			.param("sequence", sequence)
			.query((rs, n) -> new Step(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, java.time.OffsetDateTime.class).toInstant(),
					(rs.getObject(7) != null) ? rs.getObject(7, java.time.OffsetDateTime.class).toInstant() : null,
					rs.getString(8), rs.getString(9)))
			.list();
	}

	private String enrollmentStatus(String sequence) {
		return jdbc.sql("select status from nurture_enrollments where sequence_key = :s order by id desc limit 1")
			.param("s", sequence)
			.query(String.class)
			.single();
	}

	private List<String> outboxMarkers() {
		return jdbc.sql("select delivery_marker from outbox order by id").query(String.class).list();
	}

}
