package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Reading the knowledge file: the demo clinic, and a bad item named by its place.
 */
class ClinicKnowledgeTests {

	@Test
	void theDemoClinicHasFactsStoriesOffersFaqsAndABookingLinkInThreeLanguages() {
		List<KnowledgeItem> demo = TestContexts.DEMO;

		assertThat(demo).extracting(KnowledgeItem::kind).contains("procedure", "story", "offer", "faq", "link");
		assertThat(demo).filteredOn(item -> item.kind().equals("story"))
			.extracting(KnowledgeItem::language)
			.contains("en", "es", "pt");
		assertThat(demo).filteredOn(item -> item.kind().equals("offer"))
			.allSatisfy(offer -> assertThat(offer.validUntil()).isNotNull());
		assertThat(demo).filteredOn(item -> item.kind().equals("offer"))
			.anySatisfy(offer -> assertThat(offer.validOn(LocalDate.of(2026, 1, 5))).isFalse());
	}

	@Test
	void readsDatesAndDefaultsTheLanguageAndTopic() {
		List<KnowledgeItem> items = ClinicKnowledge
			.parse(Map.of("items", List.of(Map.of("kind", "offer", "content", "10% off", "validUntil", "2026-03-31"),
					Map.of("kind", "link", "content", "https://oshun.clinic/book"))));

		assertThat(items.get(0).validUntil()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(items.get(0).topic()).isEqualTo("general");
		assertThat(items.get(0).language()).isEqualTo("en");
		assertThat(items.get(1).language()).isNull();
	}

	@Test
	void namesTheItemAndFieldThatIsWrong() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ClinicKnowledge.parse(Map.of("items",
					List.of(Map.of("kind", "faq", "content", "ok"), Map.of("kind", "offer", "content", "5% off")))))
			.withMessageContaining("items[1].validUntil");
		assertThatIllegalStateException().isThrownBy(() -> ClinicKnowledge.parse(List.of()))
			.withMessageContaining("list of items");
	}

}
