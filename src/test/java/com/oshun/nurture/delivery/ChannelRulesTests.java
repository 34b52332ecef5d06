package com.oshun.nurture.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.contact.Contact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelRulesTests {

	private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");

	private static final WhatsappSettings TEMPLATES = new WhatsappSettings(Map.of("nudge",
			new WhatsappSettings.Template("booking_nudge", "pt_BR", List.of("first_name", "procedure"), null)));

	@Test
	void freeTextOnlyWellInsideTheWindow() {
		assertThat(ChannelRules.windowOpen(NOW.minus(Duration.ofHours(23)), NOW)).isTrue();
		assertThat(ChannelRules.windowOpen(NOW.minus(Duration.ofHours(24).minusMinutes(5)), NOW)).isFalse();
		assertThat(ChannelRules.windowOpen(NOW.minus(Duration.ofHours(25)), NOW)).isFalse();
		assertThat(ChannelRules.windowOpen(null, NOW)).isFalse();
		assertThat(ChannelRules.whatsapp(contact("botox"), "nudge", NOW.minus(Duration.ofHours(1)), NOW, TEMPLATES))
			.isInstanceOf(ChannelRules.FreeText.class);
	}

	@Test
	void outsideTheWindowTheObjectivesTemplateIsFilledFromTheContact() {
		ChannelRules.Plan plan = ChannelRules.whatsapp(contact("botox"), "nudge", null, NOW, TEMPLATES);

		assertThat(plan).isEqualTo(new ChannelRules.Template(Map.of("name", "booking_nudge", "language", "pt_BR",
				"processed_params", Map.of("body", Map.of("1", "Ana", "2", "botox"))), "marketing"));
	}

	@Test
	void aTemplatePlanCarriesTheCategoryConfiguredForItsObjective() {
		WhatsappSettings utility = new WhatsappSettings(Map.of("nudge",
				new WhatsappSettings.Template("booking_nudge", "pt_BR", List.of("first_name"), "utility")));

		assertThat(ChannelRules.whatsapp(contact("botox"), "nudge", null, NOW, utility))
			.isEqualTo(new ChannelRules.Template(Map.of("name", "booking_nudge", "language", "pt_BR",
					"processed_params", Map.of("body", Map.of("1", "Ana"))), "utility"));
	}

	@Test
	void outsideTheWindowWithoutATemplateOrItsDataTheStepIsSkipped() {
		assertThat(ChannelRules.whatsapp(contact("botox"), "offer", null, NOW, TEMPLATES))
			.isEqualTo(new ChannelRules.Skip(
					"outside the WhatsApp 24 h window and no template configured for objective offer"));
		assertThat(ChannelRules.whatsapp(contact(null), "nudge", null, NOW, TEMPLATES)).isEqualTo(
				new ChannelRules.Skip("template booking_nudge needs procedure, which the contact does not have"));
	}

	private static Contact contact(String procedure) {
		return new Contact(1, "c_1", "Ana Souza", "+5511999990000", null, ZoneId.of("UTC"), Contact.ZoneSource.CONTACT,
				"pt-BR", "whatsapp", null, procedure, List.of(), true, "active", List.of(), null, null, null, null,
				null, null, null);
	}

	@Test
	void aTemplatesCategoryIsUtilityOrMarketingByDefault() {
		assertThat(TEMPLATES.templates().get("nudge").category()).isEqualTo("marketing");
		assertThat(new WhatsappSettings.Template("visit_reminder", "en", List.of(), "UTILITY").category())
			.isEqualTo("utility");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new WhatsappSettings.Template("promo", "en", List.of(), "promotional"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("category must be utility or marketing");
	}

}
