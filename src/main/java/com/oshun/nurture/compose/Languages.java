package com.oshun.nurture.compose;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells English, Spanish and Portuguese apart by their common words. Answers only when
 * one language clearly leads, so a short or mixed text is never called wrong.
 */
final class Languages {

	private static final Map<String, Set<String>> WORDS = Map.of("en", words("""
			the and you your we our is are with for to of it this that have will would just here there about
			what when hi hello happy let us be can reply book thanks in on at my me if how like any shall want
			was were since
			"""), "es", words("""
			el los las del y con tu tus usted nuestro nuestra nuestros es hola gracias muy pero cuando lo más
			puedes quieres hoy hay desde quieras podemos tienes sobre también hasta sin ti estamos te mejor nos
			cuéntanos reservar cómo qué ya muchos buscamos
			"""), "pt", words("""
			o os do da dos das e com você seu sua nosso nossa é oi olá obrigado obrigada muito mas quando mais
			pode quer hoje não na em ao à agendar até sem também vamos tem gente aqui isso seus suas pra
			estamos nos foi ficamos melhor horário
			"""));

	private Languages() {
	}

	private static Set<String> words(String list) {
		return Set.copyOf(List.of(list.strip().split("\\s+")));
	}

	/** The language of {@code text}, when one clearly leads. */
	static Optional<String> detect(String text) {
		Map<String, Integer> hits = new HashMap<>();
		String lower = text.toLowerCase(Locale.ROOT);
		int start = -1;
		for (int i = 0; i <= lower.length(); i++) {
			boolean letter = i < lower.length() && Character.isLetter(lower.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				String word = lower.substring(start, i);
				WORDS.forEach((language, words) -> {
					if (words.contains(word)) {
						hits.merge(language, 1, Integer::sum);
					}
				});
				start = -1;
			}
		}
		List<Map.Entry<String, Integer>> ranked = hits.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.toList();
		if (ranked.isEmpty() || ranked.get(0).getValue() < 3) {
			return Optional.empty();
		}
		int second = (ranked.size() > 1) ? ranked.get(1).getValue() : 0;
		return (ranked.get(0).getValue() >= 2 * second) ? Optional.of(ranked.get(0).getKey()) : Optional.empty();
	}

}
