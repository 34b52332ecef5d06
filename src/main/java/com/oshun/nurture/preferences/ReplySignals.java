package com.oshun.nurture.preferences;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an inbound message says about the person, in English, Spanish and Portuguese: a
 * STOP-like opt-out, "not interested", a price question, hesitation; whether it asks to
 * book ({@link #bookingIntent}) or is a question ({@link #question}). Matching ignores
 * case and accents.
 */
public record ReplySignals(boolean optOut, boolean notInterested, boolean priceQuestion, boolean hesitation) {

	/** The whole message is just the word (with punctuation or "please"). */
	private static final Pattern OPT_OUT_WORD = Pattern.compile(
			"^\\W*(stop|stop all|unsubscribe|parar|pare|para|baja|sair|basta|cancelar|descadastrar|end|quit)\\W*(please|por favor|pf)?\\W*$");

	private static final List<String> OPT_OUT_PHRASES = List.of("unsubscribe", "stop messaging", "stop sending",
			"stop texting", "stop contacting", "dont message me", "do not message me", "do not contact me",
			"dont contact me", "remove me from", "take me off", "opt out", "opt-out", "dar de baja", "darme de baja",
			"deja de escribir", "dejen de escribir", "no me escribas", "no me escriban", "no quiero recibir",
			"no me envies", "no me manden", "pare de mandar", "parem de mandar", "para de mandar", "nao me mande",
			"nao quero receber", "nao quero mais receber", "me descadastr*", "me tire da lista", "me tirem da lista",
			"sair da lista", "quero sair");

	private static final List<String> NOT_INTERESTED = List.of("not interested", "no longer interested", "no thanks",
			"no thank you", "not for me", "no me interesa", "ya no me interesa", "no estoy interesad*", "no gracias",
			"nao tenho interesse", "nao estou interessad*", "sem interesse", "nao me interessa", "nao obrigad*");

	private static final List<String> PRICE = List.of("how much", "price", "pricing", "cost", "quote", "fee",
			"cuanto cuesta", "cuanto vale", "cuanto sale", "cuanto es", "precio", "tarifa", "quanto custa", "quanto e",
			"quanto fica", "quanto sai", "preco", "valor", "orcamento");

	private static final List<String> HESITATION = List.of("not sure", "maybe later", "maybe", "cant afford",
			"cannot afford", "too expensive", "expensive", "let me think", "ill think", "think about it", "not now",
			"no estoy segur*", "quizas", "tal vez", "mas adelante", "lo pienso", "lo voy a pensar", "es caro",
			"muy caro", "no puedo pagar", "caro", "vou pensar", "talvez", "nao sei", "mais tarde", "depois eu",
			"nao tenho dinheiro", "nao posso pagar", "sem dinheiro");

	/** Asking to book or for a free time: "quero marcar", "can I book", "tem horário". */
	private static final List<String> BOOKING = List.of("book a", "book an", "book me", "to book", "can i book",
			"id like to book", "want to book", "make an appointment", "schedule an appointment", "get an appointment",
			"any availability", "do you have availability", "are you available", "any openings", "free slot*",
			"quiero reservar", "quiero agendar", "quiero una cita", "quisiera reservar", "quisiera una cita",
			"pedir cita", "reservar una cita", "agendar una cita", "hay disponibilidad", "tienen disponibilidad",
			"tienes disponibilidad", "tienen hueco", "hay hueco", "quero marcar", "quero agendar", "queria marcar",
			"queria agendar", "gostaria de marcar", "gostaria de agendar", "posso marcar", "posso agendar",
			"marcar uma consulta", "agendar uma consulta", "marcar consulta", "agendar consulta", "tem horario*",
			"tem vaga*", "tem disponibilidade", "teria horario*", "quero reservar");

	/** Words that open a question. */
	private static final Pattern QUESTION_START = Pattern.compile("^\\W*(what|whats|when|where|who|why|how|which|"
			+ "can|could|do|does|is|are|will|would|should|cuando|donde|quien|por que|como|cual|cuanto|"
			+ "cuanta|cuantos|cuantas|puedo|puede|pueden|tienen|tienes|hay|o que|quando|onde|quem|qual|quais|quanto|"
			+ "quanta|posso|pode|podem|tem)(?![\\p{L}\\p{N}])");

	private static final List<Pattern> BOOKINGS = patterns(BOOKING);

	private static final List<Pattern> OPT_OUTS = patterns(OPT_OUT_PHRASES);

	private static final List<Pattern> NOT_INTERESTEDS = patterns(NOT_INTERESTED);

	private static final List<Pattern> PRICES = patterns(PRICE);

	private static final List<Pattern> HESITATIONS = patterns(HESITATION);

	public static ReplySignals of(String text) {
		String normal = normalize(text);
		boolean optOut = OPT_OUT_WORD.matcher(normal).matches() || matchesAny(normal, OPT_OUTS);
		return new ReplySignals(optOut, !optOut && matchesAny(normal, NOT_INTERESTEDS), matchesAny(normal, PRICES),
				matchesAny(normal, HESITATIONS));
	}

	/**
	 * The words by which a message asks to book or for a free time, when it does (the
	 * evidence for a hand-off).
	 */
	public static Optional<String> bookingIntent(String text) {
		String normal = normalize(text);
		return BOOKINGS.stream()
			.map(pattern -> pattern.matcher(normal))
			.filter(Matcher::find)
			.map(Matcher::group)
			.max(Comparator.comparingInt(String::length));
	}

	/** A question: it ends with "?" (or "¿…") or opens with a question word. */
	public static boolean question(String text) {
		String normal = normalize(text);
		return normal.endsWith("?") || normal.startsWith("\u00bf") || QUESTION_START.matcher(normal).find();
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return stripped.toLowerCase().replace('\u2019', '\'').replace("'", "").replaceAll("\\s+", " ").trim();
	}

	/**
	 * Whole words, or a word prefix where the phrase ends in {@code *} (interesad*
	 * matches interesada).
	 */
	private static List<Pattern> patterns(List<String> phrases) {
		return phrases.stream().map(phrase -> {
			boolean prefix = phrase.endsWith("*");
			String words = Pattern.quote(prefix ? phrase.substring(0, phrase.length() - 1) : phrase.replace("'", ""));
			return Pattern.compile("(?<![\\p{L}\\p{N}])" + words + (prefix ? "" : "(?![\\p{L}\\p{N}])"));
		}).toList();
	}

	private static boolean matchesAny(String text, List<Pattern> patterns) {
		return patterns.stream().anyMatch(pattern -> pattern.matcher(text).find());
	}

}
