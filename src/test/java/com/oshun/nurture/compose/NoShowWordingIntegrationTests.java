package com.oshun.nurture.compose;

import com.oshun.nurture.IntegrationTest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The no-show sequence's first message (two hours after the no-show) says "today" only
 * while it is still the missed appointment's local day; held to a later day by quiet
 * hours and Sunday, it names the day instead, and with no appointment time known it names
 * none.
 */
class NoShowWordingIntegrationTests extends IntegrationTest {

	private static final String TODAY_WORDS = "(?iu).*\\b(today|hoje|hoy)\\b.*";

	@Test
	void aRescheduleHeldFromSaturdayEveningToMondayDoesNotSayToday() {
		// Saturday 2026-01-10, 19:30 in each contact's zone; the no-show is marked ten
		// minutes later, so the +2 h step falls in quiet hours and Sunday is off.
		http.post("/api/clock/advance", "{\"to\":\"2026-01-10T22:40:00Z\"}").expect(200);
		noShow("evt_pt", "c_pt", "pt-BR", "America/Sao_Paulo", "\"2026-01-10T22:30:00Z\"");
		noShow("evt_en", "c_en", "en-GB", "America/Sao_Paulo", "\"2026-01-10T22:30:00Z\"");
		noShow("evt_es", "c_es", "es-ES", "Europe/Madrid", "\"2026-01-10T18:30:00Z\"");

		http.post("/api/clock/advance", "{\"to\":\"2026-01-12T14:00:00Z\"}").expect(200);

		assertThat(sentOnMonday("c_pt")).contains("na consulta de botox no sábado").doesNotMatch(TODAY_WORDS);
		assertThat(sentOnMonday("c_en")).contains("your botox appointment on Saturday").doesNotMatch(TODAY_WORDS);
		assertThat(sentOnMonday("c_es")).contains("tu cita de bótox del sábado").doesNotMatch(TODAY_WORDS);
	}

	@Test
	void aRescheduleSentTheSameLocalDaySaysToday() {
		// Monday 10:00 in São Paulo; sent at 12:10 there.
		http.post("/api/clock/advance", "{\"to\":\"2026-01-05T13:10:00Z\"}").expect(200);
		noShow("evt_1", "c_1", "pt-BR", "America/Sao_Paulo", "\"2026-01-05T13:00:00Z\"");

		http.post("/api/clock/advance", "{\"to\":\"2026-01-05T16:00:00Z\"}").expect(200);

		JsonNode step = firstStep("c_1");
		assertThat(step.get("sentAt").stringValue()).startsWith("2026-01-05T15:10");
		assertThat(step.get("content").stringValue()).contains("na consulta de botox hoje.");
	}

	@Test
	void withNoAppointmentTimeKnownItNeverSaysToday() {
		http.post("/api/clock/advance", "{\"to\":\"2026-01-05T13:10:00Z\"}").expect(200);
		noShow("evt_1", "c_1", "pt-BR", "America/Sao_Paulo", "null");

		http.post("/api/clock/advance", "{\"to\":\"2026-01-05T16:00:00Z\"}").expect(200);

		String content = firstStep("c_1").get("content").stringValue();
		assertThat(content).contains("na consulta de botox. Sem problema").doesNotMatch(TODAY_WORDS);
	}

	private void noShow(String eventId, String contact, String locale, String zone, String startsAt) {
		http.booking("""
				{"id":"%s","type":"booking.noShow","occurredAt":"2026-01-10T22:40:00Z",
				 "booking":{"id":"bk_%s","startsAt":%s,"service":"Botox consultation","procedure":"botox"},
				 "contact":{"externalId":"%s","name":"Ana Souza","email":"%s@example.com","timezone":"%s",
				            "preferredChannel":"whatsapp","locale":"%s"}}
				""".formatted(eventId, contact, startsAt, contact, contact, zone, locale)).expect(202);
	}

	private String sentOnMonday(String contact) {
		JsonNode step = firstStep(contact);
		assertThat(step.get("sentAt").stringValue()).as("sent on Monday").startsWith("2026-01-12");
		return step.get("content").stringValue();
	}

	private JsonNode firstStep(String contact) {
		for (JsonNode entry : http.get("/api/contacts/" + contact + "/timeline").expect(200).json().get("entries")) {
			if ("step".equals(entry.get("kind").stringValue()) && entry.get("stepNo").intValue() == 1) {
				assertThat(entry.get("status").stringValue()).as(entry.toString()).isEqualTo("sent");
				return entry;
			}
		}
		throw new AssertionError("no first step for " + contact);
	}

}
