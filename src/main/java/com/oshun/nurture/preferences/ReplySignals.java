package com.oshun.nurture.preferences;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an inbound message says about the person, in English, Spanish and Portuguese: a
 * STOP-like opt-out, "not interested", a price question, hesitation. Matching ignores
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
