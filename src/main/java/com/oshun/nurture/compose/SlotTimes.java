package com.oshun.nurture.compose;

import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.oshun.nurture.slots.Slot;

/**
 * The guardrail on times: a message names no time of day that the clinic's calendar did
 * not offer it ({@link MessageContext#slots}), other than its missed appointment's and
 * those in the knowledge it was given; the links of the offered slots are the calendar's
 * own and pass.
 */
final class SlotTimes {

	/** 14:30, 9:15, 2:30 pm, 10h, 14h30, 10 am. */
	private static final Pattern TIME = Pattern.compile(
			"(?<![\\d:/.,])(\\d{1,2})(?::([0-5]\\d)\\s*([ap]\\.?m\\.?)?|h([0-5]\\d)?|\\s?([ap]\\.?m\\.?))(?![\\d\\p{L}])",
			Pattern.CASE_INSENSITIVE);

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");

	private SlotTimes() {
	}

	/** A time of day in {@code text} that nothing given to the composer names. */
	static Optional<String> unoffered(String text, MessageContext context) {
		Matcher matcher = TIME.matcher(withoutOfferedLinks(text, context));
		Set<String> allowed = null;
		while (matcher.find()) {
			Optional<String> found = normalized(matcher);
			if (found.isEmpty()) {
				continue;
			}
			if (allowed == null) {
				allowed = allowed(context);
			}
			if (!allowed.contains(found.get())) {
				return Optional.of("names a time the clinic's calendar did not offer: " + matcher.group().trim());
			}
		}
		return Optional.empty();
	}

	/** The message without the offered slots' own links, for the link check. */
	static String withoutOfferedLinks(String text, MessageContext context) {
		String rest = text;
		for (Slot slot : context.slots().slots()) {
			rest = rest.replace(slot.link(), " ");
		}
		return rest;
	}

	/**
	 * Why a step that offers times offers none, for the step's reason: the calendar
	 * failed or had no open time. A clinic with no slots source configured keeps today's
	 * wording without a note on every step.
	 */
	static Optional<String> note(MessageContext context) {
		String reason = context.slots().reason();
		return (reason != null && !reason.startsWith("no slots source configured")) ? Optional.of(reason)
				: Optional.empty();
	}

	/** A matched time as {@code HH:mm} on a 24-hour clock; empty for no time of day. */
	private static Optional<String> normalized(Matcher matcher) {
		int hour = Integer.parseInt(matcher.group(1));
		String minutes = (matcher.group(2) != null) ? matcher.group(2)
				: (matcher.group(4) != null) ? matcher.group(4) : "00";
		String half = (matcher.group(3) != null) ? matcher.group(3) : matcher.group(5);
		if (half != null) {
			boolean pm = half.toLowerCase(Locale.ROOT).startsWith("p");
			hour = (hour == 12) ? (pm ? 12 : 0) : (pm ? hour + 12 : hour);
		}
		return (hour <= 23) ? Optional.of("%02d:%s".formatted(hour, minutes)) : Optional.empty();
	}

	private static Set<String> allowed(MessageContext context) {
		Set<String> allowed = new HashSet<>();
		context.slots().slots().forEach(slot -> allowed.add(MINUTES.format(slot.start().atZone(context.zone()))));
		if (context.missedAppointmentAt() != null) {
			allowed.add(MINUTES.format(context.missedAppointmentAt().atZone(context.zone())));
		}
		StringBuilder knowledge = new StringBuilder();
		context.knowledge().forEach(item -> knowledge.append(item.content()).append('\n'));
		Matcher known = TIME.matcher(knowledge);
		while (known.find()) {
			normalized(known).ifPresent(allowed::add);
		}
		return allowed;
	}

}
