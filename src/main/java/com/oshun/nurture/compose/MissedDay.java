package com.oshun.nurture.compose;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.oshun.nurture.sequence.SequenceKey;

/**
 * When a no-show's missed appointment was, seen from the day the message goes out in the
 * contact's time zone. A reschedule step (two hours after the no-show) can be held to a
 * later day by quiet hours, Sunday or the frequency cap: "today" is said only while it is
 * still the appointment's local day, and never when its time is unknown.
 */
final class MissedDay {

	enum When {

		TODAY, YESTERDAY, THIS_WEEK, EARLIER, UNKNOWN

	}

	private static final Pattern TODAY_WORDS = Pattern.compile("(?<![\\p{L}])(today|tonight|hoje|hoy)(?![\\p{L}])");

	private static final List<String> ES_DAYS = List.of("lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
			"domingo");

	private static final List<String> PT_DAYS = List.of("na segunda", "na terça", "na quarta", "na quinta", "na sexta",
			"no sábado", "no domingo");

	private static final Map<String, Map<When, String>> WORDS = Map.of("en",
			Map.of(When.TODAY, " today", When.YESTERDAY, " yesterday"), "es",
			Map.of(When.TODAY, " de hoy", When.YESTERDAY, " de ayer"), "pt",
			Map.of(When.TODAY, " hoje", When.YESTERDAY, " ontem"));

	private MissedDay() {
	}

	static When of(MessageContext context) {
		if (context.missedAppointmentAt() == null) {
			return When.UNKNOWN;
		}
		long days = ChronoUnit.DAYS.between(missedDate(context), context.at().atZone(context.zone()).toLocalDate());
		if (days < 0) {
			return When.UNKNOWN;
		}
		return (days == 0) ? When.TODAY : (days == 1) ? When.YESTERDAY : (days <= 6) ? When.THIS_WEEK : When.EARLIER;
	}

	/**
	 * What follows "your appointment" in the contact's language: " today", " yesterday",
	 * " on Saturday", or nothing when it was longer ago or is unknown.
	 */
	static String words(MessageContext context) {
		When when = of(context);
		if (when == When.THIS_WEEK) {
			int day = missedDate(context).getDayOfWeek().getValue() - 1;
			return switch (context.language()) {
				case "es" -> " del " + ES_DAYS.get(day);
				case "pt" -> " " + PT_DAYS.get(day);
				default -> " on " + english(missedDate(context).getDayOfWeek());
			};
		}
		return WORDS.getOrDefault(context.language(), WORDS.get("en")).getOrDefault(when, "");
	}

	/**
	 * The guardrail: a no-show's reschedule message that says "today" (hoje, hoy) on
	 * another day than the appointment's, or when its time is unknown.
	 */
	static Optional<String> wrongToday(String lowerCaseText, MessageContext context) {
		if (context.sequence() != SequenceKey.NO_SHOW || !"reschedule".equals(context.objective())) {
			return Optional.empty();
		}
		When when = of(context);
		if (when == When.TODAY || !TODAY_WORDS.matcher(lowerCaseText).find()) {
			return Optional.empty();
		}
		return Optional.of("says today, but the missed appointment was " + describe(context));
	}

	/** The appointment for a reader: {@code on Saturday 2026-01-10}, or unknown. */
	static String describe(MessageContext context) {
		if (of(context) == When.UNKNOWN) {
			return "at a time we do not know";
		}
		LocalDate date = missedDate(context);
		return "on " + english(date.getDayOfWeek()) + " " + date;
	}

	private static LocalDate missedDate(MessageContext context) {
		return context.missedAppointmentAt().atZone(context.zone()).toLocalDate();
	}

	private static String english(DayOfWeek day) {
		String name = day.name().toLowerCase();
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
