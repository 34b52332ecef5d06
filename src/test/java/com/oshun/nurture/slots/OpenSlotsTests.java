package com.oshun.nurture.slots;

import com.oshun.nurture.MovableClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSlotsTests {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private static final Instant NOW = Instant.parse("2026-01-05T13:00:00Z");

	private static final SlotSettings SETTINGS = new SlotSettings(3, Duration.ofDays(7), Duration.ofHours(1),
			Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(1), null, null);

	@Test
	void oneSlotADayFirstThenTheNextOnesWithinTheWindowInTimeOrder() {
		List<Slot> slots = List.of(at("2026-01-05T13:30:00Z"), at("2026-01-06T12:00:00Z"), at("2026-01-06T15:00:00Z"),
				at("2026-01-07T12:00:00Z"), at("2026-01-20T12:00:00Z"));
		OpenSlots open = new OpenSlots(List.of(new Fixed(slots)), SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));

		SlotOffer offer = open.forContact("peel", SAO_PAULO, NOW);

		// 13:30 is within the hour of notice; the 20th is beyond the seven days; the
		// third is the Tuesday's second, as there are only two days
		assertThat(offer.slots()).containsExactly(slots.get(1), slots.get(2), slots.get(3));
		assertThat(OpenSlots.pick(slots, NOW, NOW.plus(Duration.ofDays(7)), SAO_PAULO, 3)).containsExactly(slots.get(0),
				slots.get(1), slots.get(3));
		assertThat(OpenSlots.pick(slots, NOW, NOW.plus(Duration.ofDays(7)), SAO_PAULO, 2)).containsExactly(slots.get(0),
				slots.get(1));
	}

	@Test
	void anAnswerAndAFailureAreEachReusedForTheirTime() {
		Fixed source = new Fixed(List.of(at("2026-01-06T12:00:00Z")));
		MovableClock clock = new MovableClock(NOW);
		OpenSlots open = new OpenSlots(List.of(source), SETTINGS, clock);

		open.forContact("peel", SAO_PAULO, NOW);
		open.forContact("peel", SAO_PAULO, NOW);
		assertThat(source.calls).isEqualTo(1);

		clock.set(NOW.plus(Duration.ofMinutes(6)));
		source.failure = "Cal.com slots 503";
		assertThat(open.forContact("peel", SAO_PAULO, NOW).reason())
			.isEqualTo("Cal.com slots 503; today's wording instead");
		assertThat(open.forContact("peel", SAO_PAULO, NOW).slots()).isEmpty();
		assertThat(source.calls).isEqualTo(2);
	}

	@Test
	void withoutASourceOrAnOpenTimeTheOfferSaysWhy() {
		OpenSlots open = new OpenSlots(List.of(new Fixed(List.of())), SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(open.forContact("botox", SAO_PAULO, NOW).reason()).isEqualTo("no slots source configured for botox");
		assertThat(open.forContact("peel", SAO_PAULO, NOW).reason())
			.isEqualTo("fixed has no open slot in the next 7 days; today's wording instead");
		assertThat(OpenSlots.offersTimes("availability", null)).isTrue();
		assertThat(OpenSlots.offersTimes("drip", "time")).isTrue();
		assertThat(OpenSlots.offersTimes("drip", "price")).isFalse();
		assertThat(OpenSlots.offersTimes("info", "time")).isFalse();
	}

	@Test
	void theDefaultEntryServesAProcedureWithoutItsOwn() {
		SlotSettings.Calendly calendly = new SlotSettings.Calendly(null, "token",
				Map.of("Default", "https://api.calendly.com/event_types/X"));
		CalendlySlots source = new CalendlySlots(calendly, new SlotHttp(Duration.ofSeconds(1)));
		assertThat(source.serves("botox")).isTrue();
		assertThat(new CalendlySlots(new SlotSettings.Calendly(null, "", calendly.eventTypes()),
				new SlotHttp(Duration.ofSeconds(1)))
			.serves("botox")).as("no token").isFalse();
		assertThat(calendly.apiUrl()).isEqualTo("https://api.calendly.com");
	}

	private static Slot at(String start) {
		return SlotWordsTests.slot(start);
	}

	private static final class Fixed implements SlotSource {

		private final List<Slot> slots;

		int calls;

		String failure;

		Fixed(List<Slot> slots) {
			this.slots = new ArrayList<>(slots);
		}

		@Override
		public String name() {
			return "fixed";
		}

		@Override
		public boolean serves(String procedure) {
			return "peel".equals(procedure);
		}

		@Override
		public List<Slot> fetch(String procedure, Instant from, Instant to, ZoneId zone) {
			calls++;
			if (failure != null) {
				throw new SlotsUnavailable(failure);
			}
			return slots;
		}

	}

}
