package com.oshun.nurture.slots;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotPickTests {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	/** quinta 14:30, sexta 10:00, sábado 9:15 in São Paulo. */
	private static final List<Slot> OFFERED = List.of(SlotWordsTests.slot("2026-01-08T17:30:00Z"),
			SlotWordsTests.slot("2026-01-09T13:00:00Z"), SlotWordsTests.slot("2026-01-10T12:15:00Z"));

	@Test
	void aNumberPicksTheSlotOfThatNumber() {
		assertThat(pick("2")).hasValue(OFFERED.get(1));
		assertThat(pick("a 3, por favor")).hasValue(OFFERED.get(2));
		assertThat(pick("opção 1")).hasValue(OFFERED.get(0));
		assertThat(pick("4")).isEmpty();
	}

	@Test
	void aDayOrATimePicksTheOneSlotItFits() {
		assertThat(pick("sexta")).hasValue(OFFERED.get(1));
		assertThat(pick("Sábado!")).hasValue(OFFERED.get(2));
		assertThat(pick("a das 10")).hasValue(OFFERED.get(1));
		assertThat(pick("pode ser às 14:30")).hasValue(OFFERED.get(0));
		assertThat(pick("quinta às 14h30")).hasValue(OFFERED.get(0));
		assertThat(SlotPick.of("el viernes", OFFERED, SAO_PAULO, "es")).hasValue(OFFERED.get(1));
		assertThat(SlotPick.of("Thursday at 2:30pm", OFFERED, SAO_PAULO, "en")).hasValue(OFFERED.get(0));
	}

	@Test
	void aReplyThatFitsNoneOrSeveralPicksNothing() {
		assertThat(pick("obrigada, vou ver minha agenda")).isEmpty();
		assertThat(pick("segunda")).isEmpty();
		assertThat(pick("sexta às 9")).isEmpty();
		assertThat(pick("tenho 2 filhos e só posso de manhã")).isEmpty();
	}

	private static java.util.Optional<Slot> pick(String reply) {
		return SlotPick.of(reply, OFFERED, SAO_PAULO, "pt");
	}

}
