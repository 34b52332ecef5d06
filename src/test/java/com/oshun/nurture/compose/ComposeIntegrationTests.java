package com.oshun.nurture.compose;

import com.oshun.nurture.IntegrationTest;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Composing through the whole engine: a warm-lead sequence written for its person, the
 * knowledge admin API, and the preview that sends and stores nothing.
 */
class ComposeIntegrationTests extends IntegrationTest {

	record Sent(String objective, String status, String content, String composer, String composerReason) {
	}

	@Test
	void aWarmLeadGetsFiveDifferentMessagesAboutTheirProcedureFollowingTheObjectivesInOrder() {
		http.put("/api/contacts/c_1", """
				{"name":"Ana Souza","timezone":"America/Sao_Paulo","locale":"pt-BR","phone":"+5511999990000"}
				""").expect(200);
		long contactId = jdbc.sql("select id from contacts where external_id = 'c_1'").query(Long.class).single();
		jdbc.sql("""
				insert into messages (contact_id, direction, channel, content, created_at)
				values (:contact, 'in', 'whatsapp', 'Oi! Quanto custa o botox?', :at)
				""").param("contact", contactId).param("at", OffsetDateTime.parse("2026-01-05T07:00:00Z")).update();
		http.post("/api/contacts/c_1/warm-lead", "{\"procedure\":\"botox\"}").expect(200);

		advance("P17D");

		List<Sent> sent = jdbc.sql("""
				select s.objective, s.status, s.content, s.composer, s.composer_reason
				from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id
				where e.sequence_key = 'warm_lead' order by s.step_no
				""")
			.query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		assertThat(sent).extracting(Sent::objective)
			.containsExactly("info", "social_proof", "offer", "education", "nudge");
		assertThat(sent).allSatisfy(step -> {
			assertThat(step.status()).isEqualTo("sent");
			assertThat(step.content()).contains("Ana").contains("botox");
			assertThat(step.composer()).isEqualTo("built-in");
			assertThat(step.composerReason()).isEqualTo("no LLM provider configured");
		});
		assertThat(sent).extracting(Sent::content).doesNotHaveDuplicates();
		// The first message answers what she asked (the cost); the procedure's facts come
		// later.
		assertThat(sent.get(0).content()).contains("você perguntou sobre o valor");
		assertThat(sent.get(1).content()).contains("A Marina, de 38 anos");
		assertThat(sent.get(2).content()).contains("15% de desconto na primeira sessão de botox");
		assertThat(sent.get(3).content()).contains("\"Dói?\"");
		assertThat(sent.get(4).content()).contains("vamos agendar").endsWith("https://oshun.clinic/book");
		JsonNode timelineStep = null;
		for (JsonNode entry : http.get("/api/contacts/c_1/timeline").json().get("entries")) {
			if (timelineStep == null && "step".equals(entry.get("kind").stringValue())) {
				timelineStep = entry;
			}
		}
		assertThat(timelineStep).isNotNull();
		assertThat(timelineStep.get("composer").stringValue()).isEqualTo("built-in");
		assertThat(timelineStep.get("composerReason").stringValue()).isEqualTo("no LLM provider configured");
	}

	@Test
	void theKnowledgeApiListsAddsUpdatesAndDeletesItemsAndNamesTheBadField() {
		JsonNode items = http.get("/api/knowledge?kind=offer").json().get("items");
		assertThat(items.size()).isGreaterThanOrEqualTo(10);

		assertThat(http.post("/api/knowledge", "{\"kind\":\"coupon\",\"content\":\"x\"}")
			.expect(400)
			.json()
			.get("field")
			.stringValue()).isEqualTo("kind");
		assertThat(http.post("/api/knowledge", "{\"kind\":\"offer\",\"topic\":\"botox\",\"content\":\"10% off\"}")
			.expect(400)
			.json()
			.get("field")
			.stringValue()).isEqualTo("validUntil");
		assertThat(http
			.post("/api/knowledge",
					"{\"kind\":\"offer\",\"content\":\"x\",\"validFrom\":\"2026-02-01\",\"validUntil\":\"2026-01-01\"}")
			.expect(400)
			.json()
			.get("field")
			.stringValue()).isEqualTo("validUntil");
		assertThat(http.post("/api/knowledge", "{\"kind\":\"faq\",\"language\":\"fr\",\"content\":\"x\"}")
			.expect(400)
			.json()
			.get("field")
			.stringValue()).isEqualTo("language");

		JsonNode added = http
			.post("/api/knowledge",
					"""
							{"kind":"offer","topic":"skin","content":"20% off a second skin session","validFrom":"2026-01-01","validUntil":"2026-02-28"}
							""")
			.expect(201)
			.json();
		long id = added.get("id").longValue();
		assertThat(added.get("language").stringValue()).isEqualTo("en");

		http.put("/api/knowledge/" + id, """
				{"kind":"offer","topic":"skin","content":"25% off a second skin session","validUntil":"2026-03-31"}
				""").expect(200);
		clinicKnowledge.reload();
		assertThat(http.get("/api/knowledge/" + id).expect(200).json().get("content").stringValue())
			.isEqualTo("25% off a second skin session");

		http.delete("/api/knowledge/" + id).expect(204);
		http.get("/api/knowledge/" + id).expect(404);
		assertThat(http.unauthenticated("/api/knowledge").status()).isEqualTo(401);
	}

	@Test
	void thePreviewShowsEachPlannedTimeAndMessageAndStoresNothing() {
		http.put("/api/contacts/c_1", """
				{"name":"Emma Clarke","timezone":"Europe/London","locale":"en-GB","procedureInterest":"fillers"}
				""").expect(200);

		JsonNode preview = http.post("/api/sequences/warm_lead/preview", "{\"contactExternalId\":\"c_1\"}")
			.expect(200)
			.json();

		JsonNode steps = preview.get("steps");
		assertThat(steps.size()).isEqualTo(5);
		assertThat(steps.get(0).get("objective").stringValue()).isEqualTo("info");
		assertThat(steps.get(0).get("plannedAt").stringValue()).isEqualTo("2026-01-05T10:00:00Z");
		assertThat(steps.get(3).get("plannedAt").stringValue()).isEqualTo("2026-01-14T10:00:00Z");
		// Day 14 is a Sunday: quiet hours move it to Monday morning.
		assertThat(steps.get(4).get("plannedAt").stringValue()).isEqualTo("2026-01-19T09:00:00Z");
		for (JsonNode step : steps) {
			assertThat(step.get("content").stringValue()).contains("Emma").contains("fillers");
			assertThat(step.get("composer").stringValue()).isEqualTo("built-in");
		}
		assertThat(steps.get(1).get("content").stringValue()).contains("Júlia");
		// The repeat rule sees the steps previewed before: five different messages, no
		// two
		// openings in a row alike.
		List<String> contents = new java.util.ArrayList<>();
		steps.forEach(step -> contents.add(step.get("content").stringValue()));
		assertThat(contents).doesNotHaveDuplicates();
		for (int i = 1; i < contents.size(); i++) {
			assertThat(contents.get(i).split(" ")[0] + contents.get(i).split(" ")[1])
				.isNotEqualTo(contents.get(i - 1).split(" ")[0] + contents.get(i - 1).split(" ")[1]);
		}
		for (String table : List.of("nurture_enrollments", "nurture_step_runs", "messages", "outbox")) {
			assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
		}

		http.post("/api/sequences/warm_lead/preview", "{}").expect(400);
		http.post("/api/sequences/nope/preview", "{\"contactExternalId\":\"c_1\"}").expect(404);
		http.post("/api/sequences/warm_lead/preview", "{\"contactExternalId\":\"c_404\"}").expect(404);
	}

}
