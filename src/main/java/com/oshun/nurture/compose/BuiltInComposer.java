package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.oshun.nurture.slots.SlotWords;

import org.springframework.stereotype.Component;

/**
 * The deterministic composer, used when no LLM is configured and whenever the LLM fails.
 * It writes in the contact's language (English, Spanish, Portuguese) a short message: an
 * opening with their first name, one idea for the step's objective with the clinic
 * knowledge that fits it woven in, and one question or call to action. Each FAQ, story
 * and offer goes to a contact at most once (it is skipped when an earlier message carries
 * it), and the opening changes from one message to the next. One method per objective, so
 * an objective's wording can be swapped on its own.
 */
@Component
public class BuiltInComposer {

	static final String NAME = "built-in";

	/** The longest piece of knowledge woven in, in characters (whole sentences). */
	static final int SNIPPET = 170;

	private static final Pattern DOUBLED_POSSESSIVE = Pattern
		.compile("\\b(your|last|next|tu|última|último|seu|sua|a sua) (?:your|tu|seu) ");

	/** Portuguese says "do seu tratamento", not "de seu tratamento". */
	private static final Pattern PT_CONTRACTION = Pattern.compile("\\b(de|em|sobre) seu (?=tratamento)");

	/** The drip's lines without knowledge, {@code drip_1} to {@code drip_6}. */
	private static final int DRIP_LINES = 6;

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

	/** The message to send: the first of {@link #candidates}. */
	public String compose(MessageContext context) {
		return candidates(context).get(0);
	}

	/**
	 * The messages the built-in composer would send, best first: with fresh knowledge,
	 * then without it, each with the openings not used last. The guarded composer sends
	 * the first that passes the guardrails (the repeat rule included).
	 */
	public List<String> candidates(MessageContext context) {
		Set<String> bodies = new LinkedHashSet<>();
		body(context).ifPresent(bodies::add);
		bodies.add(plainBody(context));
		if ("drip".equals(context.objective())) {
			for (int i = 1; i <= DRIP_LINES; i++) {
				bodies.add(fill(line(context, "drip_" + i), context));
			}
		}
		List<String> messages = new ArrayList<>();
		slotMessage(context).ifPresent(messages::add);
		List<String> openings = openings(context);
		for (String body : bodies) {
			for (String opening : openings) {
				messages.add(opening + body);
			}
		}
		return messages;
	}

	/**
	 * A step that offers times, with open slots from the clinic's calendar: the slots in
	 * the contact's zone and language, and the links that book them, instead of the
	 * booking link.
	 */
	private static Optional<String> slotMessage(MessageContext context) {
		if (!context.slots().offered()) {
			return Optional.empty();
		}
		String line = SlotWords.line(context.objective(), context.slots().slots(), context.zone(), context.language());
		if (line == null) {
			return Optional.empty();
		}
		String named = (context.firstName() != null) ? line.replace("{name}", context.firstName())
				: line.replace(" {name}", "");
		return Optional.of(fill(named, context) + " " + SlotWords.links(context.slots().slots(), context.language()));
	}

	/** The objective's line with no knowledge: the last resort. */
	public String plain(MessageContext context) {
		return openings(context).get(0) + plainBody(context);
	}

	private String plainBody(MessageContext context) {
		String objective = lineFor(context.objective());
		if ("drip".equals(objective)) {
			int rotation = Math.floorMod(context.earlier().size(), DRIP_LINES) + 1;
			return fill(line(context, "drip_" + rotation), context);
		}
		if ("nudge".equals(objective) && context.bookingLink() != null) {
			return fill(line(context, "nudge_link"), context);
		}
		return withLink(context, fill(line(context, objective), context));
	}

	/** The objective's body with the knowledge that fits it, when there is some. */
	private Optional<String> body(MessageContext context) {
		return switch (lineFor(context.objective())) {
			case "info" -> info(context);
			case "social_proof" -> socialProof(context);
			case "offer" -> offer(context, "offer_item");
			case "education" -> education(context);
			case "reassure" -> reassure(context);
			case "maintenance" -> maintenance(context);
			case "returning_offer" -> offer(context, "returning_offer_item");
			case "drip" -> drip(context);
			default -> Optional.empty();
		};
	}

	/** What they asked about answered first; else the procedure in brief. */
	private Optional<String> info(MessageContext context) {
		String topic = (context.lastTopic() != null) ? line(context, "_topic_" + context.lastTopic()) : null;
		if (topic != null && !Repeats.reusesSentence(topic, context.earlier())) {
			return Optional.of(fill(line(context, "info_topic"), context).replace("{topic}", topic));
		}
		return procedureFact(context);
	}

	private Optional<String> procedureFact(MessageContext context) {
		return fresh(context, KnowledgeItem.PROCEDURE)
			.map(item -> woven(context, "info_item", snippet(item.content())));
	}

	private Optional<String> socialProof(MessageContext context) {
		return fresh(context, KnowledgeItem.STORY)
			.map(item -> woven(context, "social_proof_item", snippet(item.content())));
	}

	private Optional<String> offer(MessageContext context, String key) {
		return fresh(context, KnowledgeItem.OFFER).map(item -> withLink(context,
				soften(context, fill(line(context, key), context).replace("{item}", snippet(item.content()))
					.replace("{until}", until(item, context)))));
	}

	private Optional<String> education(MessageContext context) {
		return faq(context, context.lastTopic(), false).map(item -> faqLine(context, "education_item", item))
			.or(() -> procedureFact(context));
	}

	private Optional<String> reassure(MessageContext context) {
		if (context.lastTopic() == null) {
			return Optional.empty();
		}
		String topic = line(context, "_topic_" + context.lastTopic());
		return Optional.ofNullable(topic)
			.map(line -> fill(line(context, "reassure_item"), context).replace("{topic}", line));
	}

	private Optional<String> maintenance(MessageContext context) {
		return faq(context, null, true).map(item -> fill(line(context, "maintenance_item"), context).replace("{answer}",
				snippet(sentenceCase(faqAnswer(item.content())))));
	}

	/**
	 * The drip tells one thing the contact has not read yet: a fact, a story, an FAQ, an
	 * offer.
	 */
	private Optional<String> drip(MessageContext context) {
		List<String> kinds = List.of(KnowledgeItem.PROCEDURE, KnowledgeItem.STORY, KnowledgeItem.FAQ,
				KnowledgeItem.OFFER);
		int start = Math.floorMod(context.stepNo() - 1, kinds.size());
		for (int i = 0; i < kinds.size(); i++) {
			String kind = kinds.get((start + i) % kinds.size());
			Optional<KnowledgeItem> item = KnowledgeItem.FAQ.equals(kind) ? faq(context, context.lastTopic(), false)
					: fresh(context, kind);
			if (item.isPresent()) {
				KnowledgeItem found = item.get();
				return Optional.of(switch (kind) {
					case KnowledgeItem.FAQ -> faqLine(context, "drip_faq", found);
					case KnowledgeItem.OFFER -> soften(context,
							fill(line(context, "drip_offer"), context).replace("{item}", snippet(found.content()))
								.replace("{until}", until(found, context)));
					default -> woven(context, "drip_" + kind, snippet(found.content()));
				});
			}
		}
		return Optional.empty();
	}

	/**
	 * An FAQ in the contact's language not sent to them yet: about their procedure only
	 * ({@code ownProcedure}), or the one on {@code topic} first.
	 */
	private Optional<KnowledgeItem> faq(MessageContext context, String topic, boolean ownProcedure) {
		List<KnowledgeItem> faqs = unused(context, KnowledgeItem.FAQ).stream()
			.filter(item -> !ownProcedure
					|| (context.procedure() != null && context.procedure().equalsIgnoreCase(item.topic())))
			.filter(item -> ownProcedure || !"results".equals(Topics.of(item.content()).orElse("")))
			.toList();
		return faqs.stream()
			.filter(item -> topic != null && topic.equals(Topics.of(faqQuestion(item.content())).orElse(null)))
			.findFirst()
			.or(() -> faqs.stream().findFirst());
	}

	private Optional<KnowledgeItem> fresh(MessageContext context, String kind) {
		return unused(context, kind).stream().findFirst();
	}

	/** Items of a kind in the contact's language that no earlier message carries. */
	private static List<KnowledgeItem> unused(MessageContext context, String kind) {
		return context.knowledge(kind)
			.stream()
			.filter(item -> context.language().equals(item.language()))
			.filter(item -> context.earlier()
				.stream()
				.noneMatch(
						sent -> sent.contains(snippet(item.content())) || sent.contains(faqQuestion(item.content()))))
			.toList();
	}

	private String faqLine(MessageContext context, String key, KnowledgeItem item) {
		return fill(line(context, key), context).replace("{question}", faqQuestion(item.content()))
			.replace("{answer}", snippet(faqAnswer(item.content())));
	}

	private String woven(MessageContext context, String key, String item) {
		return fill(line(context, key), context).replace("{item}", item);
	}

	/**
	 * An offer to a price-sensitive contact asks softly: no pressure, value, payments.
	 */
	private static String soften(MessageContext context, String body) {
		if (!priceSensitive(context)) {
			return body;
		}
		List<String> sentences = new ArrayList<>(List.of(SENTENCE_END.split(body)));
		sentences.set(sentences.size() - 1, line(context, "_soft_ask"));
		return String.join(" ", sentences);
	}

	private static String withLink(MessageContext context, String body) {
		Set<String> linked = Set.of("reschedule", "availability", "returning_offer");
		if (context.bookingLink() == null || !linked.contains(context.objective())) {
			return body;
		}
		// The first wording of the link the contact has not read yet.
		String link = line(context, "_link1").replace("{link}", context.bookingLink());
		for (int i = 1; i <= 3; i++) {
			String candidate = line(context, "_link" + i).replace("{link}", context.bookingLink());
			if (!Repeats.reusesSentence(candidate, context.earlier())) {
				link = candidate;
				break;
			}
		}
		return body + " " + link;
	}

	/**
	 * The openings, starting with the one after the last used, so no two in a row match.
	 */
	private static List<String> openings(MessageContext context) {
		BuiltInPhrases.Language phrases = BuiltInPhrases.forLanguage(context.language());
		List<String> all = (context.firstName() != null) ? phrases.openings() : phrases.anonymousOpenings();
		int start = Math.floorMod(context.earlier().size(), all.size());
		List<String> ordered = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			String opening = all.get((start + i) % all.size());
			ordered.add((context.firstName() != null) ? opening.replace("{name}", context.firstName()) : opening);
		}
		return ordered;
	}

	private static String fill(String template, MessageContext context) {
		String line = template.replace("{when}", MissedDay.words(context));
		if (context.bookingLink() != null) {
			line = line.replace("{link}", context.bookingLink());
		}
		String name = context.procedureName();
		if (name != null) {
			return line.replace("{procedure}", name);
		}
		// "your treatment" where no name is known; "your {procedure}" must not become
		// "your your treatment".
		line = line.replace("{procedure}", line(context, "_treatment"));
		line = DOUBLED_POSSESSIVE.matcher(line).replaceAll("$1 ");
		return PT_CONTRACTION.matcher(line).replaceAll(match -> switch (match.group(1)) {
			case "de" -> "do seu ";
			case "em" -> "no seu ";
			default -> match.group(1) + " o seu ";
		});
	}

	private static String line(MessageContext context, String key) {
		return BuiltInPhrases.forLanguage(context.language()).line(key);
	}

	/** The objective whose wording a step uses; an unknown one reads as a drip. */
	private static String lineFor(String objective) {
		return (BuiltInPhrases.forLanguage("en").line(objective) != null || "drip".equals(objective)) ? objective
				: "drip";
	}

	private static boolean priceSensitive(MessageContext context) {
		return context.preferences()
			.stream()
			.anyMatch(preference -> "price_sensitivity".equals(preference.key()) && "high".equals(preference.value()));
	}

	/**
	 * Whole sentences of {@code text}, at most {@link #SNIPPET} characters (at least
	 * one).
	 */
	static String snippet(String text) {
		StringBuilder kept = new StringBuilder();
		for (String sentence : SENTENCE_END.split(text.strip())) {
			if (kept.length() > 0 && kept.length() + 1 + sentence.length() > SNIPPET) {
				break;
			}
			kept.append((kept.length() > 0) ? " " : "").append(sentence);
		}
		String snippet = kept.toString();
		return (snippet.endsWith(".") || snippet.endsWith("!") || snippet.endsWith("?")) ? snippet : snippet + ".";
	}

	/**
	 * "Does it hurt?" of "Does it hurt? Most patients…"; the whole text if it asks
	 * nothing.
	 */
	static String faqQuestion(String faq) {
		int end = faq.indexOf('?');
		return (end > 0) ? faq.substring(0, end + 1).strip() : faq.strip();
	}

	static String faqAnswer(String faq) {
		int end = faq.indexOf('?');
		String answer = (end > 0) ? faq.substring(end + 1).strip() : faq.strip();
		return answer.isEmpty() ? faq.strip() : answer;
	}

	private static String sentenceCase(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * An offer's last day as the contact's locale writes it: 30 June, 30 de junio de
	 * 2027.
	 */
	static String until(KnowledgeItem item, MessageContext context) {
		if (item.validUntil() == null) {
			return "";
		}
		LocalDate sendDay = context.at().atZone(context.zone()).toLocalDate();
		boolean sameYear = sendDay.getYear() == item.validUntil().getYear();
		return switch (context.language()) {
			case "es" -> DateTimeFormatter
				.ofPattern(sameYear ? "d 'de' MMMM" : "d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"))
				.format(item.validUntil());
			case "pt" -> DateTimeFormatter
				.ofPattern(sameYear ? "d 'de' MMMM" : "d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("pt-BR"))
				.format(item.validUntil());
			default ->
				DateTimeFormatter.ofPattern(sameYear ? "d MMMM" : "d MMMM yyyy", Locale.UK).format(item.validUntil());
		};
	}

}
