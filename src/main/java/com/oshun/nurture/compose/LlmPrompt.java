package com.oshun.nurture.compose;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.slots.Slot;
import com.oshun.nurture.slots.SlotWords;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The prompt: rules in the system message, and in the user message only what this one
 * message needs (no phone, e-mail, surname or ids).
 */
final class LlmPrompt {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> LANGUAGES = Map.of("en", "English", "es", "Spanish", "pt",
			"Portuguese (Brazil)");

	private static final Map<String, String> OBJECTIVES = Map.ofEntries(
			Map.entry("info", "useful information about the procedure they asked about"),
			Map.entry("social_proof", "a consented patient story from the knowledge"),
			Map.entry("offer", "a current offer from the knowledge, or an availability nudge if there is none"),
			Map.entry("education", "deepen why the procedure could suit them, answering a usual question"),
			Map.entry("nudge", "a final, direct and friendly ask to book, with the booking link"),
			Map.entry("reschedule", "we missed them at the appointment; how to rebook, never guilt"),
			Map.entry("availability", "concrete availability this week, an easy way to pick a time"),
			Map.entry("reassure", "answer the usual worries (pain, cost, time) calmly"),
			Map.entry("we_miss_you", "we miss them; name the treatment they had"),
			Map.entry("maintenance", "why results fade and when a top-up is due"),
			Map.entry("returning_offer", "an offer or easy booking for a returning patient"),
			Map.entry("check_in", "a caring check-in, no sales"), Map.entry("drip", "a low-pressure monthly hello"));

	private LlmPrompt() {
	}

	static String system(MessageContext context) {
		return """
				You write one message from an aesthetics clinic to one person, sent on %s.
				Rules:
				- Write in %s, to %s, about %s, following the step's objective and the sequence's tone.
				- Refer to their previous conversation when there is one. Never repeat a message or a sentence
				  from "alreadySent": a repeat is refused.
				- One idea and one clear question or call to action; short enough to read on a phone.
				- Use only facts, patient stories, offers and links given in "knowledge". Never state a price,
				  discount or offer that is not there, and never promise or guarantee a medical result.
				- No links other than the booking link. No placeholders. At most %d characters.
				- Name no time of day except those in "openSlots" (with their number and link); without openSlots, name none.
				%sAnswer with JSON only: {"message": "<the message>"}
				"""
			.formatted(context.channel(), LANGUAGES.getOrDefault(context.language(), "English"),
					(context.firstName() != null) ? context.firstName() : "the person",
					(context.procedureName() != null) ? context.procedureName() : "their treatment",
					Math.min(context.maxLength(), 900), missedAppointmentRule(context));
	}

	/**
	 * A no-show's message may be sent days after the appointment (quiet hours, Sunday,
	 * the frequency cap): the model is told whether "today" is still true.
	 */
	private static String missedAppointmentRule(MessageContext context) {
		if (context.sequence() != SequenceKey.NO_SHOW) {
			return "";
		}
		return switch (MissedDay.of(context)) {
			case TODAY -> "- They missed their appointment earlier today (their local day); you may say today.\n";
			case UNKNOWN -> "- When their missed appointment was is unknown: do not say when it was, and never say "
					+ "\"today\" (hoje, hoy) about it.\n";
			default -> "- They missed their appointment " + MissedDay.describe(context) + ", not today: never say "
					+ "\"today\" (hoje, hoy) about it; name its day or no day.\n";
		};
	}

	static String user(MessageContext context) {
		ObjectNode root = JSON.createObjectNode();
		ObjectNode person = root.putObject("person");
		person.put("firstName", context.firstName());
		person.put("language", context.language());
		person.put("procedure", context.procedureName());
		person.put("timeZone", context.zone().getId());
		context.interests().forEach(person.putArray("interests")::add);
		context.memories().forEach(person.putArray("toldUs")::add);
		ArrayNode conversation = root.putArray("conversation");
		context.conversation()
			.forEach(turn -> conversation.addObject()
				.put("from", "in".equals(turn.direction()) ? "person" : "clinic")
				.put("text", turn.text()));
		context.earlier().forEach(root.putArray("alreadySent")::add);
		root.put("lastTopic", context.lastTopic());
		ArrayNode preferences = root.putArray("preferences");
		context.preferences()
			.forEach(preference -> preferences.addObject()
				.put("key", preference.key())
				.put("value", preference.value())
				.put("confidence", preference.confidence()));
		ObjectNode step = root.putObject("step");
		step.put("sequence", context.sequence().key());
		step.put("objective", context.objective());
		step.put("meaning", OBJECTIVES.getOrDefault(context.objective(), context.objective()));
		step.put("position", context.stepNo() + " of " + context.stepCount());
		step.put("tone", context.tone());
		root.putObject("channel").put("name", context.channel()).put("maxCharacters", context.maxLength());
		ArrayNode knowledge = root.putArray("knowledge");
		context.knowledge().forEach(item -> {
			ObjectNode node = knowledge.addObject().put("kind", item.kind()).put("topic", item.topic());
			node.put("content", item.content());
			if (item.validUntil() != null) {
				node.put("validUntil", item.validUntil().toString());
			}
		});
		root.put("bookingLink", context.bookingLink());
		if (context.slots().offered()) {
			ArrayNode slots = root.putArray("openSlots");
			int number = 1;
			for (Slot slot : context.slots().slots()) {
				slots.addObject()
					.put("number", number++)
					.put("local", SlotWords.words(slot, context.zone(), context.language()))
					.put("start", slot.start().atZone(context.zone()).toOffsetDateTime().toString())
					.put("link", slot.link());
			}
		}
		ZonedDateTime sent = context.at().atZone(context.zone());
		root.putObject("sentAt")
			.put("localDate", sent.toLocalDate().toString())
			.put("dayOfWeek", sent.getDayOfWeek().toString())
			.put("localTime", sent.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
		if (context.missedAppointmentAt() != null) {
			ZonedDateTime missed = context.missedAppointmentAt().atZone(context.zone());
			root.putObject("missedAppointment")
				.put("localDate", missed.toLocalDate().toString())
				.put("dayOfWeek", missed.getDayOfWeek().toString())
				.put("localTime", missed.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString())
				.put("sameDayAsThisMessage", MissedDay.of(context) == MissedDay.When.TODAY);
		}
		return JSON.writeValueAsString(root);
	}

	static String retry(String reasons) {
		return "That message was rejected: " + reasons
				+ ". Write it again following every rule. Answer with JSON only: {\"message\": \"...\"}";
	}

}
