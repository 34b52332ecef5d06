package com.oshun.nurture.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a contact's message was about, by keyword, in English, Spanish and Portuguese.
 */
final class Topics {

	private static final Map<String, Pattern> TOPICS = new LinkedHashMap<>();

	static {
		TOPICS.put("price", words("price|cost|costs|how much|expensive|afford|budget|precio|cuesta|cuánto|caro|"
				+ "presupuesto|preço|custa|quanto|orçamento|valor"));
		TOPICS.put("pain", words("pain|painful|hurt|hurts|needle|needles|dolor|duele|aguja|dor|dói|doi|agulha"));
		TOPICS.put("downtime", words("downtime|recovery|swelling|bruising|back to work|recuperación|hinchazón|"
				+ "moratón|recuperação|inchaço|roxo"));
		TOPICS.put("results",
				words("result|results|last|lasts|natural|frozen|resultado|resultados|dura|duran|" + "durar|natural"));
		TOPICS.put("time", words("busy|schedule|weekend|travel|trip|no time|ocupad[ao]|viaje|fin de semana|"
				+ "sem tempo|viagem|agenda"));
	}

	private Topics() {
	}

	private static Pattern words(String alternatives) {
		return Pattern.compile("(?<![\\p{L}])(" + alternatives + ")(?![\\p{L}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/** The topic of the latest inbound message that has one. */
	static Optional<String> last(List<MessageContext.Turn> conversation) {
		for (int i = conversation.size() - 1; i >= 0; i--) {
			MessageContext.Turn turn = conversation.get(i);
			if ("in".equals(turn.direction()) && turn.text() != null) {
				Optional<String> topic = of(turn.text());
				if (topic.isPresent()) {
					return topic;
				}
			}
		}
		return Optional.empty();
	}

	static Optional<String> of(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return TOPICS.entrySet()
			.stream()
			.filter(entry -> entry.getValue().matcher(lower).find())
			.map(Map.Entry::getKey)
			.findFirst();
	}

}
