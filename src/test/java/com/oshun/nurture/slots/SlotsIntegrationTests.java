package com.oshun.nurture.slots;

import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.SlotStubs;

import java.time.Instant;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open slots from the clinic's calendar in the booking steps, against Cal.com and
 * Calendly stubbed as they answer: in the contact's zone and language, the fallback when
 * the vendor fails or has nothing, and a reply that picks one.
 */
class SlotsIntegrationTests extends IntegrationTest {

	private static final String PEEL_THURSDAY = "https://cal.com/oshun-clinic/peel?month=2026-01&date=2026-01-08&slot=2026-01-08T17%3A30%3A00Z";

	private static final String PEEL_FRIDAY = "https://cal.com/oshun-clinic/peel?month=2026-01&date=2026-01-09&slot=2026-01-09T13%3A00%3A00Z";

	@Test
	void aSaoPauloContactIsOfferedCalcomSlotsOnTheirClockAndThePreviewShowsThem() {
		SlotStubs.calcomAnswers(SLOTS, "America/Sao_Paulo", SlotStubs.CALCOM_SAO_PAULO);
		contact("c_sp", "Ana Souza", "America/Sao_Paulo", "pt-BR", "peel");

		JsonNode availability = previewStep("c_sp", "availability");

		assertThat(availability.get("content").stringValue()).startsWith(
				"Oi Ana, temos estes horários para sua consulta de peeling: (1) quinta 14:30, (2) sexta 10:00 ou (3) sábado 9:15.")
			.contains("(1) " + PEEL_THURSDAY + " (2) " + PEEL_FRIDAY);
		JsonNode slots = availability.get("slots");
		assertThat(slots.size()).isEqualTo(3);
		assertThat(slots.get(0).get("start").stringValue()).isEqualTo("2026-01-08T17:30:00Z");
		assertThat(slots.get(0).get("link").stringValue()).isEqualTo(PEEL_THURSDAY);
		assertThat(availability.get("slotsReason").isNull()).isTrue();
		assertThat(availability.get("composerReason").stringValue()).isEqualTo("no LLM provider configured");
		assertThat(previewStep("c_sp", "reassure").get("slots").size()).as("a step that offers no times").isZero();
	}

	@Test
	void aMadridContactIsOfferedCalendlySlotsInSpanishEachWithItsOwnLink() {
		SlotStubs.calendlyAnswers(SLOTS, SlotStubs.CALENDLY_MADRID);
		contact("c_md", "Lucía Gómez", "Europe/Madrid", "es-ES", "laser");

		String content = previewStep("c_md", "availability").get("content").stringValue();

		assertThat(content).startsWith(
				"Hola Lucía, tenemos estas horas para tu cita de láser: (1) jueves 14:30, (2) viernes 10:00 o (3) sábado 9:15.")
			.contains("(3) https://calendly.com/oshun-clinic/laser/2026-01-10T08:15:00Z?month=2026-01&date=2026-01-10")
			.doesNotContain("T10:00:00Z");
		// asked 7 days at a time, starting in the future
		SLOTS.verify(getRequestedFor(urlPathEqualTo("/event_type_available_times"))
			.withQueryParam("start_time", com.github.tomakehurst.wiremock.client.WireMock.matching("2026-01-.*Z"))
			.withQueryParam("end_time", com.github.tomakehurst.wiremock.client.WireMock.matching("2026-01-.*Z")));
	}

	@Test
	void withTheVendorDownTheStepKeepsTodaysWordingAndSaysWhy() {
		SlotStubs.calcomDown(SLOTS, "America/Sao_Paulo");
		SlotStubs.calendlyRefuses(SLOTS);
		contact("c_sp", "Ana Souza", "America/Sao_Paulo", "pt-BR", "peel");
		contact("c_md", "Lucía Gómez", "Europe/Madrid", "es-ES", "laser");

		JsonNode calcom = previewStep("c_sp", "availability");
		assertThat(calcom.get("content").stringValue()).contains("temos horários de peeling esta semana")
			.contains("https://oshun.clinic/book");
		assertThat(calcom.get("slotsReason").stringValue()).isEqualTo("Cal.com slots 503; today's wording instead");
		assertThat(calcom.get("composerReason").stringValue())
			.isEqualTo("no LLM provider configured; Cal.com slots 503; today's wording instead");

		JsonNode calendly = previewStep("c_md", "availability");
		assertThat(calendly.get("content").stringValue()).contains("esta semana tenemos huecos");
		assertThat(calendly.get("slotsReason").stringValue())
			.isEqualTo("Calendly slots 401: the API key or token was refused; today's wording instead");
	}

	@Test
	void aSlowVendorIsWaitedForOnlyUpToTheTimeout() {
		SLOTS.stubFor(SlotStubs.calcom("America/Sao_Paulo")
			.willReturn(aResponse().withFixedDelay(3000).withBody(SlotStubs.CALCOM_SAO_PAULO)));
		contact("c_sp", "Ana Souza", "America/Sao_Paulo", "pt-BR", "peel");

		JsonNode availability = previewStep("c_sp", "availability");

		assertThat(availability.get("slotsReason").stringValue())
			.isEqualTo("Cal.com slots unreachable: timed out after 1000 ms; today's wording instead");
		assertThat(availability.get("content").stringValue()).contains("temos horários de peeling esta semana");
	}

	@Test
	void withNoOpenSlotTheStepKeepsTodaysWording() {
		SlotStubs.calcomAnswers(SLOTS, "America/Sao_Paulo", SlotStubs.CALCOM_NO_SLOTS);
		contact("c_sp", "Ana Souza", "America/Sao_Paulo", "pt-BR", "peel");

		JsonNode availability = previewStep("c_sp", "availability");

		assertThat(availability.get("slots").size()).isZero();
		assertThat(availability.get("slotsReason").stringValue())
			.isEqualTo("cal.com has no open slot in the next 7 days; today's wording instead");
		assertThat(availability.get("content").stringValue()).contains("temos horários de peeling esta semana");
	}

	@Test
	void aReplyThatPicksAnOfferedSlotGetsTheLinkThatBooksIt() {
		SlotStubs.calcomAnswers(SLOTS, "America/Sao_Paulo", SlotStubs.CALCOM_SAO_PAULO);
		// Monday 10:00 in São Paulo; the reschedule goes out two hours after the no-show.
		http.post("/api/clock/advance", "{\"to\":\"2026-01-05T13:10:00Z\"}").expect(200);
		http.booking(
				"""
						{"id":"evt_1","type":"booking.noShow","occurredAt":"2026-01-05T13:10:00Z",
						 "booking":{"id":"bk_1","startsAt":"2026-01-05T13:00:00Z","service":"Peel","procedure":"peel"},
						 "contact":{"externalId":"c_sp","name":"Ana Souza","phone":"+5511999990000","timezone":"America/Sao_Paulo",
						            "preferredChannel":"whatsapp","locale":"pt-BR"}}
						""")
			.expect(202);
		http.post("/api/clock/advance", "{\"to\":\"2026-01-05T16:00:00Z\"}").expect(200);

		List<String> sent = outbox();
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0))
			.startsWith("Oi Ana, sentimos sua falta na consulta de peeling hoje. Sem problema: temos "
					+ "(1) quinta 14:30, (2) sexta 10:00 ou (3) sábado 9:15.");

		ChatwootWebhooks
			.post(http,
					ChatwootWebhooks.incoming("+5511999990000", "Pode ser a das 10",
							Instant.parse("2026-01-05T16:00:00Z")))
			.expect(202);

		assertThat(outbox()).hasSize(2).last().isEqualTo("Ótimo! Para agendar sexta 10:00, é só abrir: " + PEEL_FRIDAY);

		ChatwootWebhooks
			.post(http, ChatwootWebhooks.incoming("+5511999990000", "obrigada!", Instant.parse("2026-01-05T16:01:00Z")))
			.expect(202);
		assertThat(outbox()).as("a reply that picks nothing gets no link").hasSize(2);
	}

	/**
	 * Outside WhatsApp's window the reschedule goes as the approved template, which
	 * carries none of the slots: they are not remembered, so a later "2" picks nothing.
	 */
	@Test
	void aTemplateCarriesNoSlotsSoALaterNumberPicksNothing() {
		delivery.useChatwoot();
		SlotStubs.calcomAnswers(SLOTS, "America/Sao_Paulo", SlotStubs.CALCOM_SAO_PAULO);
		http.post("/api/clock/advance", "{\"to\":\"2026-01-05T13:10:00Z\"}").expect(200);
		http.booking(
				"""
						{"id":"evt_1","type":"booking.noShow","occurredAt":"2026-01-05T13:10:00Z",
						 "booking":{"id":"bk_1","startsAt":"2026-01-05T13:00:00Z","service":"Peel","procedure":"peel"},
						 "contact":{"externalId":"c_sp","name":"Ana Souza","phone":"+5511999990000","timezone":"America/Sao_Paulo",
						            "preferredChannel":"whatsapp","locale":"pt-BR"}}
						""")
			.expect(202);
		http.post("/api/clock/advance", "{\"to\":\"2026-01-05T16:00:00Z\"}").expect(200);
		assertThat(jdbc.sql("select sent_as from nurture_step_runs where step_no = 1").query(String.class).single())
			.isEqualTo("template");
		assertThat(jdbc.sql("select count(*) from nurture_offered_slots").query(Integer.class).single()).isZero();
		// the template names the procedure as the patient reads it, never its key
		assertThat(CHATWOOT.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*/messages")))
			.get(0)
			.getBodyAsString()).contains("\"2\":\"peeling\"");

		ChatwootWebhooks
			.post(http, ChatwootWebhooks.incoming("+5511999990000", "2", Instant.parse("2026-01-05T16:05:00Z")))
			.expect(202);

		assertThat(CHATWOOT.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*/messages")))
			.stream()
			.map(request -> request.getBodyAsString())
			.filter(body -> !body.contains("template_params") && body.contains("cal.com/oshun-clinic/peel"))
			.toList()).as("no slot link sent for a time the patient never read").isEmpty();
	}

	private void contact(String externalId, String name, String zone, String locale, String procedure) {
		http.put("/api/contacts/" + externalId, """
				{"name":"%s","timezone":"%s","locale":"%s","procedureInterest":"%s"}
				""".formatted(name, zone, locale, procedure)).expect(200);
	}

	private JsonNode previewStep(String contact, String objective) {
		JsonNode preview = http.post("/api/sequences/no_show/preview", "{\"contactExternalId\":\"" + contact + "\"}")
			.expect(200)
			.json();
		for (JsonNode step : preview.get("steps")) {
			if (objective.equals(step.get("objective").stringValue())) {
				return step;
			}
		}
		throw new AssertionError("no " + objective + " step in " + preview);
	}

	private List<String> outbox() {
		return jdbc.sql("select content from outbox order by id").query(String.class).list();
	}

}
