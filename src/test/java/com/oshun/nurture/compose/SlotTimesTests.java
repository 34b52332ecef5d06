package com.oshun.nurture.compose;

import java.time.Instant;
import java.util.List;

import com.oshun.nurture.slots.Slot;
import com.oshun.nurture.slots.SlotOffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time guardrail and the built-in wording of open slots, for a São Paulo contact.
 */
class SlotTimesTests {

	private static final List<Slot> SLOTS = List.of(
			new Slot(Instant.parse("2026-01-08T17:30:00Z"),
					"https://cal.com/oshun-clinic/peel?month=2026-01&date=2026-01-08&slot=2026-01-08T17%3A30%3A00Z"),
			new Slot(Instant.parse("2026-01-09T13:00:00Z"),
					"https://cal.com/oshun-clinic/peel?month=2026-01&date=2026-01-09&slot=2026-01-09T13%3A00%3A00Z"));

	private final Guardrails guardrails = new Guardrails((contactId, names) -> false);

	private final MessageContext ana = TestContexts
		.context(TestContexts.contact("Ana Souza", "pt-BR", "peel"), "availability", "whatsapp")
		.withSlots(new SlotOffer(SLOTS, null));

	@Test
	void theBuiltInMessageOffersTheSlotsWithTheirLinksAndPasses() {
		String text = new BuiltInComposer().compose(ana);

		assertThat(text).startsWith(
				"Oi Ana, temos estes horários para sua consulta de peeling: (1) quinta 14:30 ou (2) sexta 10:00. É só responder com o número que for melhor para você.")
			.endsWith("Para agendar: (1) " + SLOTS.get(0).link() + " (2) " + SLOTS.get(1).link());
		assertThat(guardrails.check(text, ana, TestContexts.DEMO).reasons()).isEmpty();
		assertThat(guardrails.check(new BuiltInComposer().plain(ana), ana, TestContexts.DEMO).reasons()).isEmpty();
	}

	@Test
	void aTimeTheCalendarDidNotGiveIsRefused() {
		assertThat(SlotTimes.unoffered("Oi Ana, temos quinta às 16:00 ou sexta 10:00.", ana))
			.hasValue("names a time the clinic's calendar did not offer: 16:00");
		assertThat(SlotTimes.unoffered("Oi Ana, que tal sexta às 9h?", ana))
			.hasValue("names a time the clinic's calendar did not offer: 9h");
		assertThat(SlotTimes.unoffered("Oi Ana, temos quinta 14:30 ou sexta 10h.", ana)).isEmpty();
		MessageContext noSlots = TestContexts.context(TestContexts.contact("Ana Souza", "pt-BR", "peel"),
				"availability", "whatsapp");
		assertThat(guardrails
			.check("Oi Ana, temos um horário na quinta às 14:30 para sua consulta de peel.", noSlots, TestContexts.DEMO)
			.summary()).contains("names a time the clinic's calendar did not offer: 14:30");
		assertThat(SlotTimes.unoffered("Oi Ana, responda em 24h, fica R$ 1.200,00.", noSlots)).isEmpty();
	}

	@Test
	void aLinkThatIsNotAnOfferedSlotsIsStillRefused() {
		String text = "Oi Ana, temos quinta 14:30: https://cal.com/someone-else/peel";
		assertThat(guardrails.check(text, ana, TestContexts.DEMO).summary())
			.contains("link outside the clinic's own: cal.com");
	}

	@Test
	void whyNoSlotsWereOfferedGoesOnTheStepUnlessNoSourceIsConfigured() {
		MessageContext down = ana.withSlots(SlotOffer.none("Cal.com slots 503; today's wording instead"));
		assertThat(SlotTimes.note(down)).hasValue("Cal.com slots 503; today's wording instead");
		assertThat(new BuiltInComposer().compose(down)).contains("temos horários de peeling esta semana");
		assertThat(SlotTimes.note(ana.withSlots(SlotOffer.none("no slots source configured for peel")))).isEmpty();
	}

}
