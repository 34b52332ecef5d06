package com.oshun.nurture.compose;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;

import com.oshun.nurture.slots.SlotWords;

import org.springframework.stereotype.Component;

/**
 * The deterministic composer, used when no LLM is configured and whenever the LLM fails.
 * It writes in the contact's language (English, Spanish, Portuguese): the objective's
 * line with their name and procedure, what they last asked about, and the piece of clinic
 * knowledge the objective calls for (a fact, a patient story, a valid offer, an FAQ, the
 * booking link).
 */
@Component
public class BuiltInComposer {

	static final String NAME = "built-in";

	/** Objectives that answer what the contact last asked about. */
	private static final Set<String> ANSWERS_TOPIC = Set.of("info", "education", "reassure", "reschedule",
			"we_miss_you", "drip");

	/** Objectives that end with the booking link. */
	private static final Set<String> ENDS_WITH_LINK = Set.of("nudge", "reschedule", "availability", "returning_offer");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	/** The full message: the objective's line, the last topic and the knowledge. */
	public String compose(MessageContext context) {
		Map<String, String> phrases = BuiltInPhrases.forLanguage(context.language());
		List<String> parts = new ArrayList<>();
		parts.add(plain(context));
		if (context.lastTopic() != null && ANSWERS_TOPIC.contains(context.objective())) {
			parts.add(phrases.get("_topic_" + context.lastTopic()));
		}
		knowledge(context).ifPresent(item -> parts.add(sentence(item, phrases)));
		if (priceSensitive(context)) {
			parts.add(phrases.get("_price_sensitive"));
		}
		if (context.slots().offered()) {
			parts.add(SlotWords.links(context.slots().slots(), context.language()));
		}
		else if (context.bookingLink() != null && ENDS_WITH_LINK.contains(context.objective())) {
			parts.add(phrases.get("_link").replace("{item}", context.bookingLink()));
		}
		return String.join(" ", parts);
	}

	private static final Pattern DOUBLED_POSSESSIVE = Pattern
		.compile("\\b(your|last|next|tu|último|seu|sua) (?:your|tu|seu) ");

	/**
	 * The objective's line alone: the last resort, which always passes the guardrails.
	 */
	public String plain(MessageContext context) {
		Map<String, String> phrases = BuiltInPhrases.forLanguage(context.language());
		String slotLine = context.slots().offered()
				? SlotWords.line(context.objective(), context.slots().slots(), context.zone(), context.language())
				: null;
		String template = ((slotLine != null) ? slotLine
				: phrases.getOrDefault(context.objective(), phrases.get("drip")))
			.replace("{when}", MissedDay.words(context));
		String name = (context.firstName() != null) ? context.firstName() : phrases.get("_there");
		if (context.procedure() != null) {
			return template.replace("{name}", name).replace("{procedure}", context.procedure());
		}
		// "your treatment" where no procedure is known; "your {procedure}" must not
		// become "your your treatment".
		String line = template.replace("{name}", name).replace("{procedure}", phrases.get("_treatment"));
		return DOUBLED_POSSESSIVE.matcher(line).replaceAll("$1 ");
	}

	/**
	 * A learned price sensitivity calibrates the tone: value, spreading payments, no
	 * pressure.
	 */
	private static boolean priceSensitive(MessageContext context) {
		return context.preferences()
			.stream()
			.anyMatch(preference -> "price_sensitivity".equals(preference.key()) && "high".equals(preference.value()));
	}

	/**
	 * The first item of the kinds the objective calls for, written in the contact's
	 * language.
	 */
	private static Optional<KnowledgeItem> knowledge(MessageContext context) {
		for (String kind : KnowledgeSelection.kindsFor(context.objective(), context.stepNo())) {
			Optional<KnowledgeItem> item = context.knowledge(kind)
				.stream()
				.filter(candidate -> context.language().equals(candidate.language()))
				.findFirst();
			if (item.isPresent()) {
				return item;
			}
		}
		return Optional.empty();
	}

	private static String sentence(KnowledgeItem item, Map<String, String> phrases) {
		String line = phrases.getOrDefault("_" + item.kind(), "{item}").replace("{item}", item.content());
		return (item.validUntil() != null) ? line.replace("{until}", DATE.format(item.validUntil()))
				: line.replace(" Valid until {until}.", "")
					.replace(" Válido hasta el {until}.", "")
					.replace(" Válido até {until}.", "");
	}

}
