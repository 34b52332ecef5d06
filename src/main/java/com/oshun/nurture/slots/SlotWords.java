package com.oshun.nurture.slots;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Open times in the contact's zone and language ("quinta 14:30, sexta 10:00 ou sábado
 * 9:15"), numbered so a reply can name one, and the built-in lines that offer them.
 * Weekdays rather than "today" or "tomorrow": a message may go out a day after it was
 * written.
 */
public final class SlotWords {

	private static final Map<String, List<String>> DAYS = Map.of("pt",
			List.of("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"), "es",
			List.of("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"), "en",
			List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"));

	private static final DateTimeFormatter HOUR_24 = DateTimeFormatter.ofPattern("H:mm");

	private static final DateTimeFormatter HOUR_12 = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private static final Map<String, String> OR = Map.of("pt", " ou ", "es", " o ", "en", " or ");

	private static final Map<String, Map<String, String>> LINES = Map.of("en", Map.of("availability",
			"Hi {name}, we have these times for your {procedure} appointment: {slots}. Just reply with the number that suits you.",
			"reschedule",
			"Hi {name}, we missed you at your {procedure} appointment{when}. No problem at all: we have {slots}. Which suits you? Reply with the number or the day.",
			"nudge",
			"Hi {name}, shall we book your {procedure} consultation? We have {slots}. Reply with the number or the day that suits you.",
			"returning_offer",
			"Hi {name}, as a returning patient you can book your next {procedure} session: we have {slots}. Which suits you?",
			"drip", "Hi {name}, we know your time is tight: for {procedure} we have {slots}. Does one of them work?"),
			"es",
			Map.of("availability",
					"Hola {name}, tenemos estas horas para tu cita de {procedure}: {slots}. Basta con responder con el número que mejor te venga.",
					"reschedule",
					"Hola {name}, te echamos de menos en tu cita de {procedure}{when}. No pasa nada: tenemos {slots}. ¿Cuál te viene mejor? Responde con el número o el día.",
					"nudge",
					"Hola {name}, ¿reservamos tu consulta de {procedure}? Tenemos {slots}. Responde con el número o el día que prefieras.",
					"returning_offer",
					"Hola {name}, como paciente habitual puedes reservar tu próxima sesión de {procedure}: tenemos {slots}. ¿Cuál te viene mejor?",
					"drip",
					"Hola {name}, sabemos que vas justo de tiempo: para {procedure} tenemos {slots}. ¿Te sirve alguna?"),
			"pt",
			Map.of("availability",
					"Oi {name}, temos estes horários para sua consulta de {procedure}: {slots}. É só responder com o número que for melhor para você.",
					"reschedule",
					"Oi {name}, sentimos sua falta na consulta de {procedure}{when}. Sem problema: temos {slots}. Qual prefere? Responda com o número ou o dia.",
					"nudge",
					"Oi {name}, vamos agendar sua consulta de {procedure}? Temos {slots}. Responda com o número ou o dia que preferir.",
					"returning_offer",
					"Oi {name}, como paciente da casa você pode agendar sua próxima sessão de {procedure}: temos {slots}. Qual prefere?",
					"drip",
					"Oi {name}, sabemos que seu tempo é corrido: para {procedure} temos {slots}. Algum serve?"));

	private static final Map<String, String> BOOK = Map.of("pt", "Para agendar: {links}", "es",
			"Para reservar: {links}", "en", "To book: {links}");

	private static final Map<String, String> PICKED = Map.of("pt", "Ótimo! Para agendar {slot}, é só abrir: {link}",
			"es", "¡Genial! Para reservar el {slot}, abre: {link}", "en", "Great! To book {slot}, open: {link}");

	private static final Map<String, String> BOOKING_REPLY = Map.of("pt", "Claro! Você pode agendar aqui: {link}", "es",
			"¡Claro! Puedes reservar aquí: {link}", "en", "Of course! You can book here: {link}");

	private static final Map<String, String> BOOKING_REPLY_SLOTS = Map.of("pt",
			" Os próximos horários livres: {slots}. Se preferir, responda com o número.", "es",
			" Los próximos horarios libres: {slots}. Si prefieres, responde con el número.", "en",
			" The next open times: {slots}. Or just reply with the number that suits you.");

	private SlotWords() {
	}

	/**
	 * The answer to a reply that asks to book: the clinic's booking {@code link} and,
	 * when known, the next open {@code slots}, numbered as {@link #list} numbers them.
	 */
	public static String bookingReply(String link, List<Slot> slots, ZoneId zone, String language) {
		String lang = known(language);
		String text = BOOKING_REPLY.get(lang).replace("{link}", link);
		return slots.isEmpty() ? text
				: text + BOOKING_REPLY_SLOTS.get(lang).replace("{slots}", list(slots, zone, lang));
	}

	/**
	 * One time as the contact reads it: "quinta 14:30", "jueves 14:30", "Thursday 2:30
	 * PM".
	 */
	public static String words(Slot slot, ZoneId zone, String language) {
		ZonedDateTime local = slot.start().atZone(zone);
		String lang = known(language);
		String day = DAYS.get(lang).get(local.getDayOfWeek().getValue() - 1);
		return day + " " + ("en".equals(lang) ? HOUR_12 : HOUR_24).format(local);
	}

	/** The local time alone, as {@link #words} writes it: "14:30", "2:30 PM". */
	static String time(Slot slot, ZoneId zone, String language) {
		return ("en".equals(known(language)) ? HOUR_12 : HOUR_24).format(slot.start().atZone(zone));
	}

	/** "(1) quinta 14:30, (2) sexta 10:00 ou (3) sábado 9:15". */
	public static String list(List<Slot> slots, ZoneId zone, String language) {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < slots.size(); i++) {
			words.add("(" + (i + 1) + ") " + words(slots.get(i), zone, language));
		}
		if (words.size() == 1) {
			return words.get(0);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + OR.get(known(language))
				+ words.get(words.size() - 1);
	}

	/**
	 * The built-in line of an objective that offers times, with {@code {slots}} filled
	 * and {@code {name}}, {@code {procedure}} and {@code {when}} left to the composer;
	 * null for an objective that offers none.
	 */
	public static String line(String objective, List<Slot> slots, ZoneId zone, String language) {
		String line = LINES.get(known(language)).get(objective);
		return (line != null) ? line.replace("{slots}", list(slots, zone, language)) : null;
	}

	/**
	 * The links that book them: "Para agendar: (1) https://… (2) https://…", or the one
	 * link when every slot books through the same page.
	 */
	public static String links(List<Slot> slots, String language) {
		List<String> distinct = slots.stream().map(Slot::link).distinct().toList();
		String links;
		if (distinct.size() == 1) {
			links = distinct.get(0);
		}
		else {
			List<String> numbered = new ArrayList<>();
			for (int i = 0; i < slots.size(); i++) {
				numbered.add("(" + (i + 1) + ") " + slots.get(i).link());
			}
			links = String.join(" ", numbered);
		}
		return BOOK.get(known(language)).replace("{links}", links);
	}

	/** The answer to a reply that picked {@code slot}. */
	static String picked(Slot slot, ZoneId zone, String language) {
		return PICKED.get(known(language))
			.replace("{slot}", words(slot, zone, language))
			.replace("{link}", slot.link());
	}

	/** The weekday names of a language, Monday first, as {@link #words} writes them. */
	static List<String> days(String language) {
		return DAYS.get(known(language));
	}

	static DayOfWeek day(int mondayFirst) {
		return DayOfWeek.of(mondayFirst + 1);
	}

	private static String known(String language) {
		return (language != null && DAYS.containsKey(language)) ? language : "en";
	}

}
