package com.oshun.nurture.preferences;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplySignalsTests {

	@ParameterizedTest
	@ValueSource(strings = { "STOP", "stop.", "Stop please", "unsubscribe", "Please stop messaging me",
			"don't contact me again", "Remove me from your list", "PARAR", "Para", "baja", "Quiero darme de baja",
			"No me escriban más", "no quiero recibir mensajes", "Sair", "pare de mandar mensagem",
			"Não quero mais receber essas mensagens", "me descadastra por favor" })
	void recognisesStopInThreeLanguages(String text) {
		assertThat(ReplySignals.of(text).optOut()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Can I stop by on Tuesday?", "I want to book, no stopping me now",
			"Para cuándo hay hueco?", "para mim sexta é melhor", "Hi! Is Saturday free?", "obrigada, até sábado" })
	void doesNotMistakeOrdinaryRepliesForStop(String text) {
		assertThat(ReplySignals.of(text).optOut()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Thanks but I'm not interested", "no thanks", "Ya no me interesa, gracias",
			"No estoy interesada", "Não tenho interesse", "não estou interessado agora" })
	void recognisesNotInterested(String text) {
		ReplySignals signals = ReplySignals.of(text);
		assertThat(signals.notInterested()).isTrue();
		assertThat(signals.optOut()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "How much is it?", "what's the price for lips?", "Does it cost a lot?",
			"¿Cuánto cuesta el botox?", "cuanto sale la sesion", "Qual o preço?", "quanto custa o preenchimento?",
			"qual o valor?" })
	void recognisesPriceQuestions(String text) {
		assertThat(ReplySignals.of(text).priceQuestion()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "I'm not sure yet", "maybe later", "I can't afford it right now", "sounds expensive",
			"let me think about it", "Es muy caro para mí", "lo voy a pensar", "No estoy segura", "Vou pensar",
			"achei caro", "talvez mês que vem", "não sei ainda" })
	void recognisesHesitation(String text) {
		assertThat(ReplySignals.of(text).hesitation()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Yes please, Tuesday at 7pm works", "Sí, el martes me va bien", "Pode ser na terça!" })
	void aPlainYesCarriesNoSignal(String text) {
		assertThat(ReplySignals.of(text)).isEqualTo(new ReplySignals(false, false, false, false));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Quero marcar uma consulta", "queria agendar para sexta", "Tem horário amanhã?",
			"Can I book for Friday?", "I'd like to book a session", "any availability next week?",
			"Quiero reservar una cita", "¿Hay disponibilidad el lunes?", "Gostaria de marcar" })
	void recognisesAskingToBook(String text) {
		assertThat(ReplySignals.bookingIntent(text)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Thanks, I'll let you know", "Gracias, lo pienso", "Obrigada, depois eu vejo",
			"the book you mentioned was nice, thanks" })
	void doesNotMistakeOtherRepliesForBooking(String text) {
		assertThat(ReplySignals.bookingIntent(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Do you open on Saturday", "Is it painful?", "¿Abren el sábado?", "Cuándo abren",
			"Vocês abrem no sábado?", "Quanto tempo dura", "Onde fica a clínica", "What time do you close" })
	void recognisesQuestions(String text) {
		assertThat(ReplySignals.question(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ok, thanks!", "Sí, el martes me va bien", "Que bom, obrigada", "Perfeito." })
	void aStatementIsNoQuestion(String text) {
		assertThat(ReplySignals.question(text)).isFalse();
	}

}
