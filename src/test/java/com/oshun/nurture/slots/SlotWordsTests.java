package com.oshun.nurture.slots;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotWordsTests {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final List<Slot> SLOTS = List.of(slot("2026-01-08T17:30:00Z"), slot("2026-01-09T13:00:00Z"),
			slot("2026-01-10T12:15:00Z"));

	@Test
	void aSaoPauloContactReadsTheTimesInPortugueseOnTheirOwnClock() {
		assertThat(SlotWords.list(SLOTS, SAO_PAULO, "pt"))
			.isEqualTo("(1) quinta 14:30, (2) sexta 10:00 ou (3) sábado 9:15");
	}

	@Test
	void theSameInstantsReadForAMadridContactInSpanish() {
		assertThat(SlotWords.list(SLOTS, MADRID, "es"))
			.isEqualTo("(1) jueves 18:30, (2) viernes 14:00 o (3) sábado 13:15");
		assertThat(SlotWords.list(SLOTS.subList(0, 1), MADRID, "en")).isEqualTo("(1) Thursday 6:30 PM");
	}

	@Test
	void onTheDayMadridMovesItsClocksTheSameLocalHourIsAnotherInstant() {
		// Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST.
		Slot saturday = slot("2026-03-28T09:00:00Z");
		Slot sunday = slot("2026-03-29T08:00:00Z");
		assertThat(SlotWords.words(saturday, MADRID, "es")).isEqualTo("sábado 10:00");
		assertThat(SlotWords.words(sunday, MADRID, "es")).isEqualTo("domingo 10:00");
		// and the Cal.com link preselects the slot by its instant, on the contact's date
		assertThat(CalcomSlots.link("https://cal.com/oshun-clinic/peel", sunday.start(), MADRID))
			.isEqualTo("https://cal.com/oshun-clinic/peel?month=2026-03&date=2026-03-29&slot=2026-03-29T08%3A00%3A00Z");
		// a slot just after midnight in Madrid is still Saturday in São Paulo
		assertThat(SlotWords.words(slot("2026-03-28T23:30:00Z"), MADRID, "es")).isEqualTo("domingo 0:30");
		assertThat(SlotWords.words(slot("2026-03-28T23:30:00Z"), SAO_PAULO, "pt")).isEqualTo("sábado 20:30");
	}

	@Test
	void theLinksAreNumberedLikeTheTimesOrOneWhenAllShareIt() {
		assertThat(SlotWords.links(SLOTS, "pt")).startsWith("Para agendar: (1) https://x/2026-01-08T17:30:00Z (2) ");
		List<Slot> samePage = List.of(new Slot(SLOTS.get(0).start(), "https://cal.com/oshun-clinic/peel"),
				new Slot(SLOTS.get(1).start(), "https://cal.com/oshun-clinic/peel"));
		assertThat(SlotWords.links(samePage, "en")).isEqualTo("To book: https://cal.com/oshun-clinic/peel");
	}

	static Slot slot(String start) {
		return new Slot(Instant.parse(start), "https://x/" + start);
	}

}
