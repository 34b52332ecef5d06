package com.oshun.nurture.enrollment;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply rules in English, Spanish and Portuguese: what each reply is decided to ask,
 * with which words, and when the rules leave it to the LLM (nothing matched, or a
 * conflict).
 */
class ReplyIntentsTests {

	/** Monday 5 January 2026. */
	private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

	private static final Duration DEFAULT = Duration.ofDays(30);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			after my trip, please                  | after my trip
			Not now, maybe later                   | not now
			later                                  | later
			Can we talk some other time?           | some other time
			Más adelante te escribo                | mas adelante
			ahora no, gracias                      | ahora no
			Te aviso después de mi viaje           | despues de mi viaje
			depois da viagem a gente conversa      | depois da viagem
			Agora não, mais pra frente             | agora nao
			mais para frente eu vejo               | mais para frente
			""")
	void laterWithoutADateSnoozesByTheDefault(String reply, String words) {
		ReplyIntents.Rules rules = ReplyIntents.rules(reply, TODAY, DEFAULT);

		ReplyDecision decision = rules.decision();
		assertThat(decision.label()).isEqualTo(ReplyDecision.Label.LATER);
		assertThat(decision.undated()).isTrue();
		assertThat(decision.date()).isEqualTo(LocalDate.of(2026, 2, 4));
		assertThat(decision.evidence()).isEqualTo("\"" + words + "\"");
		assertThat(decision.by()).isEqualTo("rules");
		assertThat(rules.decisive()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Agora não dá, me chama em março        | 2026-03-01 | em marco
			not now, maybe next month              | 2026-02-01 | next month
			Más adelante, la semana que viene      | 2026-01-12 | la semana que viene
			depois da viagem, lá para abril        | 2026-04-01 | para abril
			""")
	void aDateNamedWinsOverAnUndatedLater(String reply, LocalDate date, String words) {
		ReplyDecision decision = ReplyIntents.rules(reply, TODAY, DEFAULT).decision();

		assertThat(decision.label()).isEqualTo(ReplyDecision.Label.LATER);
		assertThat(decision.undated()).isFalse();
		assertThat(decision.date()).isEqualTo(date);
		assertThat(decision.evidence()).isEqualTo("\"" + words + "\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Can I book a session for Friday?       | BOOK
			Quero marcar uma consulta à tarde      | BOOK
			Quiero reservar una cita               | BOOK
			No thanks, not interested              | NOT_INTERESTED
			Ya no me interesa                      | NOT_INTERESTED
			Não tenho interesse                    | NOT_INTERESTED
			Quanto custa o botox?                  | PRICE
			¿Cuánto cuesta?                        | PRICE
			Vocês abrem no sábado?                 | QUESTION
			Is there parking nearby?               | QUESTION
			Resposta automática: estou ausente     | AUTO_REPLY
			Out of office until Monday             | AUTO_REPLY
			PARAR                                  | OPT_OUT
			STOP                                   | OPT_OUT
			Quiero darme de baja                   | OPT_OUT
			""")
	void theRulesDecideAloneWhenOneThingIsAsked(String reply, ReplyDecision.Label label) {
		ReplyIntents.Rules rules = ReplyIntents.rules(reply, TODAY, DEFAULT);

		assertThat(rules.decision().label()).isEqualTo(label);
		assertThat(rules.decisive()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "STOP this terrible bill", "Can I stop by on Tuesday?", "para mim sexta é melhor" })
	void stopStaysStrict(String reply) {
		assertThat(ReplyIntents.rules(reply, TODAY, DEFAULT).optOut()).isFalse();
	}

	@Test
	void anOptOutIsDecisiveWhateverElseTheReplySays() {
		ReplyIntents.Rules rules = ReplyIntents.rules("stop messaging me, I don't want to book later", TODAY, DEFAULT);

		assertThat(rules.optOut()).isTrue();
		assertThat(rules.decisive()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Quero marcar, mas só depois da viagem          | LATER          | later + book
			Not interested right now, maybe next month     | NOT_INTERESTED | not_interested + later
			no me interesa, quiero reservar otra cosa      | NOT_INTERESTED | not_interested + book
			""")
	void conflictingRulesAreNotDecisiveAndTheMostBindingIsTheFallback(String reply, ReplyDecision.Label fallback,
			String labels) {
		ReplyIntents.Rules rules = ReplyIntents.rules(reply, TODAY, DEFAULT);

		assertThat(rules.decisive()).isFalse();
		assertThat(rules.decision().label()).isEqualTo(fallback);
		assertThat(rules.labels()).startsWith(labels);
	}

	@ParameterizedTest
	@ValueSource(strings = { "hmm, interesting", "ok", "Vou ver com meu marido", "Lo hablo con mi pareja" })
	void aReplyNoRuleMatchesIsOtherAndLeftToTheLlm(String reply) {
		ReplyIntents.Rules rules = ReplyIntents.rules(reply, TODAY, DEFAULT);

		assertThat(rules.decision().label()).isEqualTo(ReplyDecision.Label.OTHER);
		assertThat(rules.decisive()).isFalse();
	}

	@Test
	void aPriceQuestionIsBothAndStillDecisive() {
		ReplyIntents.Rules rules = ReplyIntents.rules("How much is it?", TODAY, DEFAULT);

		assertThat(rules.labels()).isEqualTo("price + question");
		assertThat(rules.decisive()).isTrue();
	}

	@Test
	void theDecisionSaysWhoDecidedAndWhatWasDone() {
		ReplyDecision decision = ReplyIntents.rules("after my trip", TODAY, DEFAULT).decision();

		assertThat(decision.describe("snoozed to 2026-02-04"))
			.isEqualTo("later by rules (\"after my trip\"): snoozed to 2026-02-04");
	}

}
