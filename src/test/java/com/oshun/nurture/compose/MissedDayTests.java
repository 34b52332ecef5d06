package com.oshun.nurture.compose;

import java.time.Instant;
import java.util.List;

import com.oshun.nurture.contact.Contact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A no-show's reschedule message says "today" only on the appointment's own local day,
 * names the day within the week after it, and names no day when its time is unknown: in
 * the built-in wording, in the LLM's prompt and in the guardrails.
 */
class MissedDayTests {

	private static final String TODAY_WORDS = "(?iu).*\\b(today|hoje|hoy)\\b.*";

	/** Saturday 2026-01-10, 19:30 in São Paulo. */
	private static final Instant SATURDAY_EVENING = Instant.parse("2026-01-10T22:30:00Z");

	/** Monday 2026-01-12, 09:00 in São Paulo. */
	private static final Instant MONDAY_MORNING = Instant.parse("2026-01-12T12:00:00Z");

	private final BuiltInComposer builtIn = new BuiltInComposer();

	private final Guardrails guardrails = new Guardrails((contactId, names) -> false);

	@Test
	void aMessageHeldToALaterDayNamesTheAppointmentsDayInEachLanguage() {
		assertThat(plain(contact("Emma Clarke", "en-GB"), MONDAY_MORNING, SATURDAY_EVENING))
			.contains("your botox appointment on Saturday.")
			.doesNotMatch(TODAY_WORDS);
		assertThat(plain(contact("Ana Souza", "pt-BR"), MONDAY_MORNING, SATURDAY_EVENING))
			.contains("na consulta de botox no sábado.")
			.doesNotMatch(TODAY_WORDS);
		assertThat(plain(contact("Lucía Gómez", "es"), MONDAY_MORNING, SATURDAY_EVENING))
			.contains("tu cita de bótox del sábado.")
			.doesNotMatch(TODAY_WORDS);
	}

	@Test
	void theSameLocalDayIsTodayEvenWhenTheUtcDateHasChanged() {
		// 20:30 and 22:00 on Monday in São Paulo: Monday and Tuesday in UTC.
		Instant missed = Instant.parse("2026-01-05T23:30:00Z");
		Instant sent = Instant.parse("2026-01-06T01:00:00Z");

		assertThat(plain(contact("Ana Souza", "pt-BR"), sent, missed)).contains("na consulta de botox hoje.");
		assertThat(plain(contact("Emma Clarke", "en"), sent, missed)).contains("appointment today.");
		assertThat(plain(contact("Lucía Gómez", "es"), sent, missed)).contains("cita de bótox de hoy.");
	}

	@Test
	void theNextLocalDayIsYesterdayAndAWeekLaterNoDay() {
		Instant friday = Instant.parse("2026-01-09T22:30:00Z");

		assertThat(plain(contact("Ana Souza", "pt-BR"), Instant.parse("2026-01-10T12:00:00Z"), friday))
			.contains("na consulta de botox ontem.");
		assertThat(plain(contact("Emma Clarke", "en"), Instant.parse("2026-01-19T12:00:00Z"), friday))
			.contains("your botox appointment. No problem");
	}

	@Test
	void anUnknownAppointmentTimeIsNeverToday() {
		for (String locale : List.of("en", "pt-BR", "es")) {
			MessageContext context = TestContexts.noShow(contact("Ana Souza", locale), MONDAY_MORNING, null);

			assertThat(builtIn.compose(context)).doesNotMatch(TODAY_WORDS);
			assertThat(guardrails.check(builtIn.compose(context), context, TestContexts.DEMO).accepted()).isTrue();
		}
	}

	@Test
	void theGuardrailsRefuseTodayOnAnotherDayOnly() {
		MessageContext monday = TestContexts.noShow(contact("Emma Clarke", "en"), MONDAY_MORNING, SATURDAY_EVENING);
		MessageContext saturday = TestContexts.noShow(contact("Emma Clarke", "en"),
				Instant.parse("2026-01-10T22:45:00Z"), SATURDAY_EVENING);
		String today = "Hi Emma, we missed you at your botox appointment today. Reply here to find a new time.";

		assertThat(guardrails.check(today, monday, TestContexts.DEMO).summary())
			.isEqualTo("says today, but the missed appointment was on Saturday 2026-01-10");
		assertThat(guardrails.check(today, saturday, TestContexts.DEMO).accepted()).isTrue();
		assertThat(guardrails.check(builtIn.compose(monday), monday, TestContexts.DEMO).accepted()).isTrue();
	}

	@Test
	void theLlmIsToldWhetherItIsStillTheAppointmentsDay() {
		MessageContext monday = TestContexts.noShow(contact("Ana Souza", "pt-BR"), MONDAY_MORNING, SATURDAY_EVENING);
		MessageContext saturday = TestContexts.noShow(contact("Ana Souza", "pt-BR"),
				Instant.parse("2026-01-10T22:45:00Z"), SATURDAY_EVENING);
		MessageContext unknown = TestContexts.noShow(contact("Ana Souza", "pt-BR"), MONDAY_MORNING, null);

		assertThat(LlmPrompt.system(monday)).contains(
				"They missed their appointment on Saturday 2026-01-10, not today: never say \"today\" (hoje, hoy)");
		assertThat(LlmPrompt.user(monday)).contains(
				"\"missedAppointment\":{\"localDate\":\"2026-01-10\",\"dayOfWeek\":\"SATURDAY\",\"localTime\":\"19:30\",\"sameDayAsThisMessage\":false}")
			.contains("\"sentAt\":{\"localDate\":\"2026-01-12\",\"dayOfWeek\":\"MONDAY\",\"localTime\":\"09:00\"}");
		assertThat(LlmPrompt.system(saturday)).contains("earlier today");
		assertThat(LlmPrompt.user(saturday)).contains("\"sameDayAsThisMessage\":true");
		assertThat(LlmPrompt.system(unknown)).contains("is unknown: do not say when it was");
		assertThat(LlmPrompt.user(unknown)).doesNotContain("missedAppointment");
		assertThat(LlmPrompt.system(TestContexts.english("offer"))).doesNotContain("missed");
	}

	private String plain(Contact contact, Instant sent, Instant missed) {
		MessageContext context = TestContexts.noShow(contact, sent, missed);
		String message = builtIn.compose(context);
		assertThat(message).startsWith(builtIn.plain(context));
		assertThat(guardrails.check(message, context, TestContexts.DEMO).reasons()).as(message).isEmpty();
		return message;
	}

	private static Contact contact(String name, String locale) {
		return TestContexts.contact(name, locale, "botox");
	}

}
