package com.oshun.nurture.enrollment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.oshun.nurture.compose.KnowledgeRepository;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessageReceived;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Contact memory: what a person tells us about themselves in a reply (an event they are
 * preparing for, a worry about pain or needles, a budget) is kept in their own words, per
 * topic, with the message it came from ({@code memory_knowledge}, scoped to the contact),
 * and reaches every later message's context. Rules in en, es and pt, ignoring case and
 * accents; an auto-reply tells us nothing.
 */
@Component
class ContactMemories {

	/** The longest memory kept, in characters (a sentence, not a letter). */
	static final int LONGEST = 280;

	private static final Map<String, Pattern> TOPICS = new LinkedHashMap<>();

	static {
		TOPICS.put("event",
				Pattern.compile("\\b(wedding|married|birthday|graduation|prom|party|holiday|vacation|"
						+ "trip|photo ?shoot|casamento|casar|noivado|aniversario|formatura|festa|viagem|ferias|ensaio|"
						+ "boda|casarme|cumpleanos|graduacion|fiesta|viaje|vacaciones|sesion de fotos)\\b"));
		TOPICS.put("pain", Pattern.compile("\\b(hurts?|painful|pain|needles?|scared|afraid|nervous|doi|dor|doer|"
				+ "agulhas?|medo|nervosa?|duele|dolor|doler|agujas?|miedo)\\b"));
		TOPICS.put("budget", Pattern.compile("\\b(budget|afford|installments?|orcamento|parcelar|parcelas?|"
				+ "presupuesto|cuotas|permitirme)\\b|(?:r\\$|€|\\$|us\\$)\\s?\\d|\\d\\s?(?:€|euros?|reais)\\b"));
	}

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");

	private final ContactRepository contacts;

	private final KnowledgeRepository knowledge;

	ContactMemories(ContactRepository contacts, KnowledgeRepository knowledge) {
		this.contacts = contacts;
		this.knowledge = knowledge;
	}

	/** Inside the transaction that stored the message. */
	@EventListener
	public void on(InboundMessageReceived received) {
		if (ReplyIntents.autoReply(received.content())) {
			return;
		}
		List<Memory> found = find(received.content());
		if (found.isEmpty()) {
			return;
		}
		String language = contacts.get(received.contactId()).language();
		for (Memory memory : found) {
			knowledge.remember(received.contactId(), memory.topic(), memory.words(), language, received.messageId());
		}
	}

	record Memory(String topic, String words) {
	}

	/** Each topic once, with the first sentence that speaks of it. */
	static List<Memory> find(String text) {
		List<Memory> found = new ArrayList<>();
		if (text == null) {
			return found;
		}
		List<String> sentences = SENTENCE_END.splitAsStream(text.strip()).filter(s -> !s.isBlank()).toList();
		for (Map.Entry<String, Pattern> topic : TOPICS.entrySet()) {
			sentences.stream()
				.filter(sentence -> topic.getValue().matcher(normal(sentence)).find())
				.findFirst()
				.ifPresent(sentence -> found.add(new Memory(topic.getKey(), shortened(sentence.strip()))));
		}
		return found;
	}

	private static String shortened(String sentence) {
		return (sentence.length() <= LONGEST) ? sentence : sentence.substring(0, LONGEST - 1).strip() + "…";
	}

	private static String normal(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
