package com.oshun.nurture.compose;

import java.time.Instant;
import java.util.List;

import com.oshun.nurture.contact.MessageRepository.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in composer: deterministic, personal, knowledge-aware, in the contact's
 * language.
 */
class BuiltInComposerTests {

	private final BuiltInComposer builtIn = new BuiltInComposer();

	@Test
	void writesTheSameMessageForTheSameContext() {
		MessageContext context = TestContexts.english("social_proof");

		assertThat(builtIn.compose(context)).isEqualTo(builtIn.compose(context));
	}

	@Test
	void usesAStoryForSocialProofAndAValidOfferForTheOfferStep() {
		assertThat(builtIn.compose(TestContexts.english("social_proof"))).startsWith("Hi Emma")
			.contains("botox")
			.contains("Marina, 38");
		assertThat(builtIn.compose(TestContexts.english("offer"))).contains("15% off a first botox session")
			.contains("30 June 2027")
			.doesNotContain("Black Friday");
	}

	@Test
	void withoutAKnownProcedureItSaysYourTreatmentOnce() {
		for (String[] person : new String[][] { { "Emma Clarke", "en" }, { "Lucía Gómez", "es" },
				{ "Ana Souza", "pt-BR" } }) {
			for (String objective : List.of("reschedule", "availability", "reassure", "we_miss_you", "maintenance",
					"returning_offer", "check_in", "drip", "info", "education", "nudge", "social_proof", "offer")) {
				String line = builtIn.plain(
						TestContexts.context(TestContexts.contact(person[0], person[1], null), objective, "whatsapp"));
				assertThat(line).doesNotContainPattern("(?i)\\b(your|tu|seu) (your|tu|seu)\\b")
					.doesNotContain("last your", "next your", "último tu", "último seu");
			}
		}
	}

	@Test
	void writesInTheContactsLanguage() {
		MessageContext ana = TestContexts.context(TestContexts.contact("Ana Souza", "pt-BR", "botox"), "social_proof",
				"whatsapp");
		MessageContext lucia = TestContexts.context(TestContexts.contact("Lucía Gómez", "es", "fillers"), "offer",
				"whatsapp");

		assertThat(builtIn.compose(ana)).startsWith("Oi Ana").contains("A Marina, de 38 anos");
		assertThat(builtIn.compose(lucia)).startsWith("Hola Lucía").contains("retoque de revisión gratis");
		assertThat(Languages.detect(builtIn.compose(ana))).contains("pt");
		assertThat(Languages.detect(builtIn.compose(lucia))).contains("es");
	}

	@Test
	void answersWhatTheContactLastAskedAbout() {
		List<Message> recent = List.of(new Message(Instant.parse("2026-01-03T18:00:00Z"), "in", "whatsapp",
				"Does it hurt? I'm scared of needles"));
		MessageContext reassure = TestContexts.context(TestContexts.contact("Emma Clarke", "en", "botox"), "reassure",
				"whatsapp", recent, List.of());
		MessageContext education = TestContexts.context(TestContexts.contact("Emma Clarke", "en", "botox"), "education",
				"whatsapp", recent, List.of());

		assertThat(builtIn.compose(reassure)).contains("we know the pain worries you");
		assertThat(builtIn.compose(education)).contains("\"Does it hurt?\"");
	}

	@Test
	void endsTheNudgeWithTheBookingLink() {
		assertThat(builtIn.compose(TestContexts.english("nudge"))).endsWith("https://oshun.clinic/book");
	}

}
