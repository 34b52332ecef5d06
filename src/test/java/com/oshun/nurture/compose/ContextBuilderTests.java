package com.oshun.nurture.compose;

import java.time.Instant;
import java.util.List;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.MessageRepository.Message;
import com.oshun.nurture.preferences.Preference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code buildContext}'s assembly: profile, procedure, conversation, preferences, step,
 * channel and the knowledge picked for the objective.
 */
class ContextBuilderTests {

	private static final Instant T = Instant.parse("2026-01-03T18:00:00Z");

	private final Contact ana = TestContexts.contact("Ana Souza", "pt-BR", "botox");

	@Test
	void carriesTheProfileTheStepAndTheChannel() {
		MessageContext context = TestContexts.context(ana, "social_proof", "instagram");

		assertThat(context.firstName()).isEqualTo("Ana");
		assertThat(context.language()).isEqualTo("pt");
		assertThat(context.zone().getId()).isEqualTo("America/Sao_Paulo");
		assertThat(context.procedure()).isEqualTo("botox");
		assertThat(context.sequence().key()).isEqualTo("warm_lead");
		assertThat(context.tone()).isEqualTo("helpful, unhurried");
		assertThat(context.objective()).isEqualTo("social_proof");
		assertThat(context.channel()).isEqualTo("instagram");
		assertThat(context.maxLength()).isEqualTo(1000);
		assertThat(context.bookingLink()).isEqualTo("https://oshun.clinic/book");
	}

	@Test
	void fallsBackToTheCarePlanProcedureAndTheWhatsAppLimit() {
		Contact lapsed = new Contact(8, "c_8", "Bea", null, null, java.time.ZoneId.of("UTC"),
				Contact.ZoneSource.CONTACT, null, "whatsapp", null, null, List.of(), true, "active", List.of(), null,
				null, null, "fillers", null, null, null);

		MessageContext context = TestContexts.context(lapsed, "we_miss_you", "whatsapp");

		assertThat(context.procedure()).isEqualTo("fillers");
		assertThat(context.language()).isEqualTo("en");
		assertThat(context.maxLength()).isEqualTo(4096);
		assertThat(context.knowledge()).allSatisfy(item -> assertThat(item.topic()).isIn("fillers", "general"));
	}

	@Test
	void picksKnowledgeForTheObjectiveTheProcedureAndTheLanguage() {
		assertThat(TestContexts.context(ana, "social_proof", "whatsapp").knowledge().get(0))
			.satisfies(item -> assertThat(item.kind()).isEqualTo("story"))
			.satisfies(item -> assertThat(item.topic()).isEqualTo("botox"))
			.satisfies(item -> assertThat(item.language()).isEqualTo("pt"));
		assertThat(TestContexts.context(ana, "offer", "whatsapp").knowledge(KnowledgeItem.OFFER))
			.extracting(KnowledgeItem::content)
			.containsExactly("15% de desconto na primeira sessão de botox agendada em até 30 dias depois da consulta.");
		assertThat(TestContexts.context(ana, "info", "whatsapp").knowledge())
			.noneMatch(item -> item.topic().equals("fillers") || item.topic().equals("skin"));
	}

	@Test
	void leavesOutOffersThatAreNotValidAtSendTime() {
		assertThat(TestContexts.english("offer").knowledge()).extracting(KnowledgeItem::content)
			.noneMatch(content -> content.contains("Black Friday"));
	}

	@Test
	void keepsTheLastMessagesShortenedAndFindsTheirTopic() {
		List<Message> recent = List.of(new Message(T, "out", "whatsapp", "Oi Ana, tudo bem?"),
				new Message(T.plusSeconds(60), "in", "whatsapp", "Quanto custa o botox? " + "muito ".repeat(100)),
				new Message(T.plusSeconds(120), "in", "whatsapp", "ok obrigada"));

		MessageContext context = TestContexts.context(ana, "info", "whatsapp", recent, List.of());

		assertThat(context.conversation()).extracting(MessageContext.Turn::direction)
			.containsExactly("out", "in", "in");
		assertThat(context.conversation().get(1).text()).hasSize(ContextBuilder.TURN_CHARACTERS);
		assertThat(context.lastTopic()).isEqualTo("price");
	}

	@Test
	void keepsOnlyPreferencesAboveTheConfidenceThreshold() {
		List<Preference> learned = List.of(new Preference("send_hour", "19", 0.8, 4, T),
				new Preference("price_sensitive", "true", 0.4, 1, T));

		MessageContext context = TestContexts.context(ana, "info", "whatsapp", List.of(), learned);

		assertThat(context.preferences()).extracting(Preference::key).containsExactly("send_hour");
	}

}
