package com.oshun.nurture.enrollment;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for what a reply asks of the sequence, in English, Spanish and Portuguese,
 * ignoring case and accents: an auto-reply or out-of-office message (which is ignored),
 * and "later, to a date" ("me chama em março", "next month", "la semana que viene").
 */
final class ReplyIntents {

	private static final List<String> AUTO_REPLY = List.of("out of office", "out of the office", "auto reply",
			"auto-reply", "autoreply", "automatic reply", "automated message", "automated reply", "i am away",
			"im away", "i am currently away", "i'm currently away", "fuera de la oficina", "fuera de oficina",
			"respuesta automatica", "mensaje automatico", "fora do escritorio", "resposta automatica",
			"mensagem automatica", "estou ausente", "estoy ausente", "no momento nao podemos atender",
			"obrigado por entrar em contato. em breve", "gracias por contactarnos. en breve");

	private static final Map<String, Month> MONTHS = Map.ofEntries(Map.entry("january", Month.JANUARY),
			Map.entry("enero", Month.JANUARY), Map.entry("janeiro", Month.JANUARY),
			Map.entry("february", Month.FEBRUARY), Map.entry("febrero", Month.FEBRUARY),
			Map.entry("fevereiro", Month.FEBRUARY), Map.entry("march", Month.MARCH), Map.entry("marzo", Month.MARCH),
			Map.entry("marco", Month.MARCH), Map.entry("april", Month.APRIL), Map.entry("abril", Month.APRIL),
			Map.entry("may", Month.MAY), Map.entry("mayo", Month.MAY), Map.entry("maio", Month.MAY),
			Map.entry("june", Month.JUNE), Map.entry("junio", Month.JUNE), Map.entry("junho", Month.JUNE),
			Map.entry("july", Month.JULY), Map.entry("julio", Month.JULY), Map.entry("julho", Month.JULY),
			Map.entry("august", Month.AUGUST), Map.entry("agosto", Month.AUGUST),
			Map.entry("september", Month.SEPTEMBER), Map.entry("septiembre", Month.SEPTEMBER),
			Map.entry("setembro", Month.SEPTEMBER), Map.entry("october", Month.OCTOBER),
			Map.entry("octubre", Month.OCTOBER), Map.entry("outubro", Month.OCTOBER),
			Map.entry("november", Month.NOVEMBER), Map.entry("noviembre", Month.NOVEMBER),
			Map.entry("novembro", Month.NOVEMBER), Map.entry("december", Month.DECEMBER),
			Map.entry("diciembre", Month.DECEMBER), Map.entry("dezembro", Month.DECEMBER));

	/** "em março", "in march", "en marzo", "until april", "depois de maio". */
	private static final Pattern IN_MONTH = Pattern.compile("\\b(?:em|in|en|no|na|para|until|till|after|from|"
			+ "depois de|despues de|a partir de|desde)\\s+(?:o mes de |el mes de |de )?("
			+ String.join("|", MONTHS.keySet()) + ")\\b");

	private static final Pattern NEXT_MONTH = Pattern
		.compile("\\b(next month|mes que vem|proximo mes|el mes que viene|el proximo mes|mes que viene)\\b");

	private static final Pattern NEXT_WEEK = Pattern
		.compile("\\b(next week|semana que vem|proxima semana|la semana que viene|la proxima semana)\\b");

	private ReplyIntents() {
	}

	static boolean autoReply(String text) {
		String normal = normal(text);
		return AUTO_REPLY.stream().anyMatch(normal::contains);
	}

	/** A later date the contact asks to be written to, on {@code today} in their zone. */
	record Later(LocalDate date, String evidence) {
	}

	static Optional<Later> later(String text, LocalDate today) {
		String normal = normal(text);
		Matcher month = IN_MONTH.matcher(normal);
		if (month.find()) {
			Month wanted = MONTHS.get(month.group(1));
			if (wanted == today.getMonth()) {
				return Optional.empty();
			}
			LocalDate first = today.withDayOfMonth(1).withMonth(wanted.getValue());
			return Optional.of(new Later(first.isAfter(today) ? first : first.plusYears(1), month.group()));
		}
		Matcher nextMonth = NEXT_MONTH.matcher(normal);
		if (nextMonth.find()) {
			return Optional.of(new Later(today.withDayOfMonth(1).plusMonths(1), nextMonth.group()));
		}
		Matcher nextWeek = NEXT_WEEK.matcher(normal);
		if (nextWeek.find()) {
			return Optional.of(new Later(today.plusWeeks(1).with(java.time.DayOfWeek.MONDAY), nextWeek.group()));
		}
		return Optional.empty();
	}

	private static String normal(String text) {
		if (text == null) {
			return "";
		}
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
	}

}
