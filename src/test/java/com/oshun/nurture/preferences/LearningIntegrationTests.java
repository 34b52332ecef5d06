package com.oshun.nurture.preferences;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies as signals: learned hours, content affinity, price sensitivity, the reply
 * pause, "not interested" and STOP.
 */
class LearningIntegrationTests extends IntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void aContactWhoAlwaysAnswersAroundSevenPmGetsLaterStepsAtSevenPm() {
		warmLead("c_1");
		advance("PT50H");
		replyAt("c_1", "2026-01-07T19:05", "Thanks! Tell me more");
		double first = confidence("c_1", "best_hour");
		replyAt("c_1", "2026-01-09T19:20", "Sounds good");
		double second = confidence("c_1", "best_hour");

		advance("P20D");

		assertThat(second).isGreaterThan(first);
		List<ZonedDateTime> later = sentTimes("warm_lead").subList(2, 5);
		assertThat(later).extracting(ZonedDateTime::getHour).containsOnly(19);
		var contact = http.get("/api/contacts/c_1").json();
		assertThat(contact.get("preferences").toString()).contains("best_hour").contains("\"19\"");
		assertThat(http.get("/api/contacts/c_1/timeline").body()).contains("replied at 19:00 local time");
	}

	@Test
	void aReplyDefersTheNextStepOnlyUntilTheConversationHasBeenQuietAndThenResumes() {
		warmLead("c_1");
		advance("PT50H");
		replyAt("c_1", "2026-01-09T09:30", "hmm, interesting");

		advance("P20D");

		List<ZonedDateTime> sent = sentTimes("warm_lead");
		assertThat(sent).hasSize(5);
		// Step 2 was due Friday 9 January 10:00; the reply at 09:30 kept it back until
		// the
		// conversation had been quiet for the quiet gap (2 h), well inside the window.
		assertThat(sent.get(1)).isAfterOrEqualTo(ZonedDateTime.of(2026, 1, 9, 11, 30, 0, 0, LONDON))
			.isBefore(ZonedDateTime.of(2026, 1, 9, 12, 30, 0, 0, LONDON));
		assertThat(jdbc.sql("select reason from nurture_step_runs where step_no = 2 and enrollment_id = 1")
			.query(String.class)
			.single()).contains("conversation live");
	}

	@Test
	void meChamaEmMarcoSnoozesTheEnrollmentToMarchAndResumesThen() {
		warmLead("c_1");
		advance("PT50H");
		replyAt("c_1", "2026-01-08T09:30", "Agora não dá, me chama em março");

		assertThat(jdbc.sql("select reason from nurture_step_runs where step_no = 2 and enrollment_id = 1")
			.query(String.class)
			.single()).isEqualTo("snoozed to 2026-03-01: the contact asked to be written to later (\"em marco\")");
		assertThat(dueTimes()).hasSize(4)
			.allSatisfy(due -> assertThat(due.toLocalDate()).isAfterOrEqualTo(java.time.LocalDate.of(2026, 3, 1)));

		advance("P70D");

		List<ZonedDateTime> sent = sentTimes("warm_lead");
		assertThat(sent).hasSize(5);
		// 1 March 2026 is a Sunday: quiet hours let it go on Monday the 2nd.
		assertThat(sent.get(1).toLocalDate()).isBetween(java.time.LocalDate.of(2026, 3, 1),
				java.time.LocalDate.of(2026, 3, 2));
	}

	@Test
	void anAutoReplyChangesNothing() {
		warmLead("c_1");
		advance("PT50H");
		List<ZonedDateTime> before = dueTimes();
		replyAt("c_1", "2026-01-08T09:30",
				"Resposta automática: estou fora do escritório até segunda. Obrigado pela mensagem!");

		assertThat(dueTimes()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from contact_preferences").query(Long.class).single()).isZero();
		assertThat(
				jdbc.sql("select count(*) from nurture_enrollments where status = 'active'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aContactWhoIgnoresOffersButAnswersEducationGetsNoHardOfferNext() {
		http.put("/api/contacts/c_1", "{\"name\":\"Bea\",\"timezone\":\"Europe/London\"}").expect(200);
		jdbc.sql(
				"""
						insert into contact_preferences (contact_id, key, value, confidence, evidence_count, matching, contrary, updated_at)
						select c.id, p.key, p.value, 0.75, 2, 2, 0, now()
						from contacts c, (values ('content_affinity.offer', 'ignores'), ('content_affinity.education', 'responds')) p(key, value)
						where c.external_id = 'c_1'
						""")
			.update();
		http.post("/api/contacts/c_1/warm-lead", "{\"procedure\":\"fillers\"}").expect(200);

		advance("P20D");

		var offer = jdbc.sql("select content, reason from nurture_step_runs where objective = 'offer'")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
		assertThat(offer.get(0)).doesNotContain("free follow-up", "valid until").contains("people often ask us");
		assertThat(offer.get(1)).contains("offer softened to education");
	}

	@Test
	void thePreviewComposesLikeAStepWithTheLearnedHourAndTheSoftenedOffer() {
		http.put("/api/contacts/c_1",
				"{\"name\":\"Bea\",\"timezone\":\"Europe/London\",\"procedureInterest\":\"fillers\"}")
			.expect(200);
		jdbc.sql(
				"""
						insert into contact_preferences (contact_id, key, value, confidence, evidence_count, matching, contrary, updated_at)
						select c.id, p.key, p.value, 0.75, 2, 2, 0, now()
						from contacts c, (values ('content_affinity.offer', 'ignores'), ('content_affinity.education', 'responds'),
						                         ('best_hour', '18')) p(key, value)
						where c.external_id = 'c_1'
						""")
			.update();

		var steps = http.post("/api/sequences/warm_lead/preview", "{\"contactExternalId\":\"c_1\"}")
			.expect(200)
			.json()
			.get("steps");

		// the learned 18:00 London, as a real step would be planned
		assertThat(steps.get(0).get("plannedAt").stringValue()).isEqualTo("2026-01-05T18:00:00Z");
		// the offer step is written as education, as a real step would be
		assertThat(steps.get(2).get("objective").stringValue()).isEqualTo("education");
		assertThat(steps.get(2).get("content").stringValue()).doesNotContain("openings");
	}

	@Test
	void silenceAfterOffersIsLearnedAsIgnoringThem() {
		warmLead("c_1");
		advance("P20D");

		var contact = http.get("/api/contacts/c_1").json();
		assertThat(contact.get("preferences").toString()).contains("content_affinity.offer").contains("ignores");
	}

	@Test
	void aPriceQuestionRaisesPriceSensitivity() {
		warmLead("c_1");
		advance("PT50H");

		replyAt("c_1", "2026-01-07T12:00", "Quanto custa?");
		replyAt("c_1", "2026-01-07T12:10", "hmm, achei caro");

		assertThat(http.get("/api/contacts/c_1").json().get("preferences").toString()).contains("price_sensitivity");
		assertThat(confidence("c_1", "price_sensitivity")).isGreaterThanOrEqualTo(0.75);
		// The offer that follows asks softly.
		advance("P10D");
		assertThat(jdbc.sql("select content from nurture_step_runs where step_no = 3 and enrollment_id = 1")
			.query(String.class)
			.single()).contains("No pressure at all");
	}

	@Test
	void notInterestedEndsTheEnrollmentWithoutADrip() {
		warmLead("c_1");
		advance("PT50H");

		replyAt("c_1", "2026-01-07T12:00", "No thanks, not interested");
		advance("P60D");

		assertThat(jdbc.sql("select end_reason from nurture_enrollments").query(String.class).single())
			.isEqualTo("not interested");
		assertThat(jdbc.sql("select count(*) from nurture_enrollments where sequence_key = 'drip'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void stopInAnyLanguageOptsOutAtOnceAndNoTriggerEnrollsAgainUntilAnOperatorReversesIt() {
		for (String stop : List.of("STOP", "baja", "parar")) {
			resetWorld();
			http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
			advance("PT6H");

			replyAt("c_1", "2026-01-05T15:00", stop);

			assertThat(http.get("/api/contacts/c_1").json().get("status").stringValue()).isEqualTo("opted_out");
			assertThat(jdbc.sql("select count(*) from nurture_step_runs where status = 'scheduled'")
				.query(Long.class)
				.single()).isZero();
			http.booking(BookingJson.noShow("evt_2", "c_1")).expect(202);
			assertThat(jdbc.sql("select count(*) from nurture_enrollments where status = 'active'")
				.query(Long.class)
				.single()).isZero();
		}
		http.post("/api/contacts/c_1/opt-in", "").expect(200);
		http.booking(BookingJson.noShow("evt_3", "c_1")).expect(202);
		assertThat(
				jdbc.sql("select count(*) from nurture_enrollments where status = 'active'").query(Long.class).single())
			.isEqualTo(1);
	}

	private void warmLead(String key) {
		http.put("/api/contacts/" + key,
				"{\"name\":\"Bea\",\"timezone\":\"Europe/London\",\"phone\":\"+447400123456\"}")
			.expect(200);
		http.post("/api/contacts/" + key + "/warm-lead", "{\"procedure\":\"fillers\"}").expect(200);
	}

	/**
	 * The contact writes at a London local time: the clock moves there, and Chatwoot's
	 * real {@code message_created} webhook carries the message in.
	 */
	private void replyAt(String key, String localTime, String text) {
		Instant at = LocalDateTime.parse(localTime).atZone(LONDON).toInstant();
		http.post("/api/clock/advance", "{\"to\":\"" + at + "\"}").expect(200);
		String phone = jdbc
			.sql("select c.phone from contacts c join contact_keys k on k.contact_id = c.id where k.key = :k")
			.param("k", key)
			.query(String.class)
			.single();
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(phone, text, at)).expect(202);
	}

	private double confidence(String key, String preference) {
		return jdbc.sql("""
				select p.confidence from contact_preferences p join contact_keys k on k.contact_id = p.contact_id
				where k.key = :k and p.key = :p
				""").param("k", key).param("p", preference).query(Double.class).single();
	}

	private List<ZonedDateTime> dueTimes() {
		return jdbc.sql("select due_at from nurture_step_runs where status = 'scheduled' order by step_no")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant().atZone(LONDON))
			.list();
	}

	private List<ZonedDateTime> sentTimes(String sequence) {
		return jdbc.sql("""
				select s.sent_at from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
				where e.sequence_key = :s and s.status = 'sent' order by s.step_no
				""")
			.param("s", sequence)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant().atZone(LONDON))
			.list();
	}

}
