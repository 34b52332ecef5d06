package com.oshun.nurture.compose;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every guardrail against a corpus of bad messages (each rejected for the right reason)
 * and good ones (each accepted), on the demo clinic's knowledge at 2026-01-05.
 */
class GuardrailsTests {

	private static final Set<String> OTHER_CONTACTS = Set.of("carla mendes", "john smith");

	private final Guardrails guardrails = new Guardrails(
			(contactId, names) -> names.stream().anyMatch(name -> OTHER_CONTACTS.contains(name.toLowerCase())));

	private static final MessageContext EMMA = TestContexts.english("offer");

	private static final MessageContext EMMA_INSTAGRAM = TestContexts
		.context(TestContexts.contact("Emma Clarke", "en", "botox"), "offer", "instagram");

	private static final MessageContext ANA = TestContexts.context(TestContexts.contact("Ana Souza", "pt-BR", "botox"),
			"offer", "whatsapp");

	private static final MessageContext LUCIA = TestContexts
		.context(TestContexts.contact("Lucía Gómez", "es-ES", "botox"), "offer", "whatsapp");

	static Stream<Arguments> badMessages() {
		return Stream.of(
				// invented or expired prices, discounts and offers
				bad(EMMA, "Hi Emma, botox is just $199 this week.", "price"),
				bad(EMMA, "Hi Emma, enjoy 25% off your botox session.", "price"),
				bad(EMMA, "Hi Emma, our Black Friday deal: 30% off every treatment booked in December.", "price"),
				bad(EMMA, "Hi Emma, it is Black Friday at the clinic, book your botox now.", "offer"),
				bad(EMMA, "Hi Emma, get a free botox session when you book today.", "offer"),
				bad(EMMA, "Hi Emma, use coupon GLOW10 when you book your botox.", "offer"),
				bad(EMMA, "Hi Emma, botox for R$ 199 only, book today.", "price"),
				bad(EMMA, "Hi Emma, the botox consultation costs €80 this month.", "price"),
				bad(ANA, "Oi Ana, 50% de desconto no botox só hoje para você!", "price"),
				bad(LUCIA, "Hola Lucía, el bótox a 150 euros esta semana para ti.", "price"),
				bad(EMMA, "Hi Emma, botox is half price for you this week.", "offer"),
				// promised medical results
				bad(EMMA, "Hi Emma, your botox results are guaranteed.", "promises"),
				bad(EMMA, "Hi Emma, botox will definitely smooth every line.", "promises"),
				bad(EMMA, "Hi Emma, botox will erase your wrinkles for good.", "promises"),
				bad(EMMA, "Hi Emma, you will look 10 years younger after botox.", "promises"),
				bad(EMMA, "Hi Emma, botox with us is completely painless and safe.", "promises"),
				bad(EMMA, "Hi Emma, with botox your results last forever.", "promises"),
				bad(EMMA, "Hi Emma, botox has no side effects at all.", "promises"),
				bad(EMMA, "Hi Emma, botox is our miracle treatment.", "promises"),
				bad(ANA, "Oi Ana, o botox tem resultado garantido com a gente.", "promises"),
				bad(LUCIA, "Hola Lucía, resultados permanentes con tu bótox, te lo aseguramos.", "promises"),
				// another contact's data
				bad(EMMA, "Hi Emma, Carla Mendes loved her botox with us last week.", "another contact"),
				bad(EMMA, "Hi Carla, ready to book your botox?", "someone else"),
				bad(EMMA, "Hi Emma, call John on +44 7700 900123 to book your botox.", "phone"),
				bad(EMMA, "Hi Emma, write to carla.mendes@example.com about botox.", "e-mail"),
				// links that are not the clinic's
				bad(EMMA, "Hi Emma, book botox at https://cheap-botox.example.com/now", "link"),
				bad(EMMA, "Hi Emma, see bit.ly/botox-now for your botox.", "link"),
				bad(EMMA, "Hi Emma, read about botox at www.wikipedia.org first.", "link"),
				bad(EMMA, "Hi Emma, our partner glowshop.com sells botox aftercare.", "link"),
				// empty, over-length, placeholders
				bad(EMMA, "", "empty"), bad(EMMA, "   \n ", "empty"),
				bad(EMMA, "Hi Emma, " + "botox ".repeat(800), "limit of 4096"),
				bad(EMMA_INSTAGRAM, "Hi Emma, " + "botox ".repeat(200), "limit of 1000"),
				bad(EMMA, "Hi Emma, your {procedure} consultation is waiting.", "placeholder"),
				// the wrong language
				bad(EMMA,
						"Hola Emma, nos preguntaste por el bótox. Estamos encantados de resolver tus dudas con calma.",
						"written in es"),
				bad(EMMA,
						"Oi Emma, você perguntou sobre botox. Ficamos felizes em tirar suas dúvidas, é só responder aqui.",
						"written in pt"),
				bad(ANA, "Hi Ana, you asked us about botox. Happy to answer anything, just reply here.",
						"written in en"),
				bad(LUCIA, "Oi Lucía, você perguntou sobre o botox. É só responder aqui e a gente agenda.",
						"written in pt"));
	}

	private static Arguments bad(MessageContext context, String text, String reason) {
		return Arguments.of(context, text, reason);
	}

	@ParameterizedTest
	@MethodSource("badMessages")
	void rejectsABadMessageAndSaysWhy(MessageContext context, String text, String reason) {
		Guardrails.Verdict verdict = guardrails.check(text, context, TestContexts.DEMO);

		assertThat(verdict.accepted()).as("accepted: %s", text).isFalse();
		assertThat(verdict.summary()).contains(reason);
	}

	@Test
	void theCorpusHasAtLeastThirtyBadMessages() {
		assertThat(badMessages().count()).isGreaterThanOrEqualTo(30);
	}

	static Stream<String> goodMessages() {
		return Stream.of(
				"Hi Emma, a 15% discount on a first botox session booked within 30 days of the consultation is on until June. Book here: https://oshun.clinic/book",
				"Hi Emma, Marina was nervous about looking frozen too; after her first botox session her friends only said she looked rested.",
				"Hi Emma, the consultation fee of R$ 250 is credited to your botox treatment, and the consultation gives you an exact quote.",
				"Hi Emma, most people go straight back to their day after botox. Would Thursday or Friday suit you? You can also pick a time at oshun.clinic/book",
				"Hi Emma, botox usually wears off after 3 to 4 months, so around month 4 is a good time to come back. Reply here with any question.");
	}

	@ParameterizedTest
	@MethodSource("goodMessages")
	void acceptsAGoodMessage(String text) {
		assertThat(guardrails.check(text, EMMA, TestContexts.DEMO).reasons()).isEmpty();
	}

	@Test
	void acceptsEveryBuiltInMessageInEveryLanguage() {
		BuiltInComposer builtIn = new BuiltInComposer();
		for (String locale : List.of("en", "es-ES", "pt-BR")) {
			for (String objective : TestContexts.OBJECTIVES) {
				for (String procedure : new String[] { "botox", "fillers", "skin", null }) {
					MessageContext context = TestContexts.context(TestContexts.contact("Ana Souza", locale, procedure),
							objective, "instagram");
					String text = builtIn.compose(context);
					assertThat(guardrails.check(text, context, TestContexts.DEMO).reasons()).as(text).isEmpty();
					assertThat(guardrails.check(builtIn.plain(context), context, TestContexts.DEMO).reasons())
						.isEmpty();
				}
			}
		}
	}

	@Test
	void onlyFullNamesOtherThanTheContactsOwnAreLookedUp() {
		List<String> asked = new java.util.ArrayList<>();
		Guardrails recording = new Guardrails((contactId, names) -> asked.addAll(names) && false);

		recording.check("Hi Emma, we would love to see you again.", EMMA, TestContexts.DEMO);
		recording.check("Hello Emma Clarke, we would love to see you again.", EMMA, TestContexts.DEMO);
		assertThat(asked).isEmpty();

		recording.check("Hi Emma, Carla Mendes loved her botox with us last week.", EMMA, TestContexts.DEMO);
		recording.check("Hi Emma, Laura Gomes from our team will call you.", EMMA, TestContexts.DEMO);
		assertThat(asked).containsExactly("Carla Mendes", "Laura Gomes");
	}

	@Test
	void anOfferIsRejectedOnceItHasExpiredAtSendTime() {
		String text = "Hi Emma, 15% off a first botox session booked within 30 days of the consultation.";
		MessageContext later = TestContexts.english("offer");
		MessageContext afterExpiry = new MessageContext(later.contactId(), later.name(), later.firstName(),
				later.language(), later.zone(), later.phone(), later.email(), later.procedure(), later.interests(),
				later.conversation(), later.lastTopic(), later.preferences(), later.memories(), later.sequence(),
				later.tone(), later.objective(), later.stepNo(), later.stepCount(), later.channel(), later.maxLength(),
				later.knowledge(), later.bookingLink(), java.time.Instant.parse("2027-07-02T12:00:00Z"),
				later.missedAppointmentAt());

		assertThat(guardrails.check(text, later, TestContexts.DEMO).accepted()).isTrue();
		assertThat(guardrails.check(text, afterExpiry, TestContexts.DEMO).summary()).contains("price");
	}

}
