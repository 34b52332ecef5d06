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

import com.oshun.nurture.preferences.ReplySignals;

/**
 * Rules for what a reply asks of the sequence, in English, Spanish and Portuguese,
 * ignoring case and accents: an auto-reply or out-of-office message (which is ignored),
 * "later, to a date" ("me chama em março", "next month", "la semana que viene"), "later"
 * with no date ("after my trip", "mais pra frente", "más adelante"), and, with
 * {@link ReplySignals}, the one decision of a reply ({@link #rules}).
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

	/**
	 * "Later" with no date: "after my trip", "not now, maybe later", "depois da viagem",
	 * "agora não, mais pra frente", "más adelante", "ahora no".
	 */
	private static final Pattern LATER_UNDATED = Pattern.compile("\\b(after (?:my|the|our) (?:trip|holidays?|vacation|"
			+ "travels?)|not (?:right )?now|maybe later|later on|some other time|another time|not at the moment|"
			+ "later|mas adelante|mas tarde|ahora no|en otro momento|otro dia|despues (?:de mi|del) viaje|"
			+ "despues de (?:las|mis) vacaciones|cuando vuelva|depois da (?:minha )?viagem|depois das (?:minhas )?ferias|"
			+ "mais (?:pra|para) frente|mais adiante|mais tarde|agora nao|outra hora|outro momento|"
			+ "quando eu voltar|quando voltar)\\b");

	private ReplyIntents() {
	}

	static boolean autoReply(String text) {
		return autoReplyWords(text).isPresent();
	}

	private static Optional<String> autoReplyWords(String text) {
		String normal = normal(text);
		return AUTO_REPLY.stream().filter(normal::contains).findFirst();
	}

	/** The words by which a reply asks to be written to later without a date. */
	static Optional<String> laterUndated(String text) {
		Matcher later = LATER_UNDATED.matcher(normal(text));
		return later.find() ? Optional.of(later.group()) : Optional.empty();
	}

	/**
	 * What the rules read in a reply: every label that matched, in precedence order
	 * (auto-reply, as {@link Replies} ignores one, opt-out, not interested, later with a
	 * date, later without one, book, price, question), with its evidence; an undated
	 * "later" is {@code laterDefault} after {@code today}.
	 */
	static Rules rules(String text, LocalDate today, java.time.Duration laterDefault) {
		List<ReplyDecision> matched = new java.util.ArrayList<>();
		ReplySignals signals = ReplySignals.of(text);
		String words = quoted(text);
		autoReplyWords(text)
			.ifPresent(found -> matched.add(ReplyDecision.rule(ReplyDecision.Label.AUTO_REPLY, null, quoted(found))));
		if (signals.optOut()) {
			matched.add(ReplyDecision.rule(ReplyDecision.Label.OPT_OUT, null, words));
		}
		if (signals.notInterested()) {
			matched.add(ReplyDecision.rule(ReplyDecision.Label.NOT_INTERESTED, null, words));
		}
		Optional<Later> dated = later(text, today);
		if (dated.isPresent()) {
			matched
				.add(ReplyDecision.rule(ReplyDecision.Label.LATER, dated.get().date(), quoted(dated.get().evidence())));
		}
		else {
			laterUndated(text).ifPresent(found -> matched
				.add(ReplyDecision.rule(ReplyDecision.Label.LATER, today.plusDays(laterDefault.toDays()), quoted(found))
					.asUndated()));
		}
		ReplySignals.bookingIntent(text)
			.ifPresent(found -> matched.add(ReplyDecision.rule(ReplyDecision.Label.BOOK, null, quoted(found))));
		if (signals.priceQuestion()) {
			matched.add(ReplyDecision.rule(ReplyDecision.Label.PRICE, null, words));
		}
		if (ReplySignals.question(text)) {
			matched.add(ReplyDecision.rule(ReplyDecision.Label.QUESTION, null, words));
		}
		return new Rules(List.copyOf(matched), words);
	}

	/** The labels the rules matched, most binding first. */
	record Rules(List<ReplyDecision> matched, String words) {

		private static final java.util.Set<ReplyDecision.Label> ACTIONS = java.util.EnumSet
			.of(ReplyDecision.Label.NOT_INTERESTED, ReplyDecision.Label.LATER, ReplyDecision.Label.BOOK);

		/** The rules' own decision: the most binding label, or {@code other}. */
		ReplyDecision decision() {
			return matched.isEmpty() ? ReplyDecision.rule(ReplyDecision.Label.OTHER, null, words) : matched.get(0);
		}

		/**
		 * Whether the rules decide alone: an opt-out or auto-reply always; else exactly
		 * one of not interested, later and book, or none of them but a price or a
		 * question. Nothing matched, or two of those three (a conflict), is for the LLM
		 * when there is one.
		 */
		boolean decisive() {
			if (matched.isEmpty()) {
				return false;
			}
			ReplyDecision.Label first = decision().label();
			if (first == ReplyDecision.Label.OPT_OUT || first == ReplyDecision.Label.AUTO_REPLY) {
				return true;
			}
			return matched.stream().filter(found -> ACTIONS.contains(found.label())).count() <= 1;
		}

		boolean optOut() {
			return decision().label() == ReplyDecision.Label.OPT_OUT;
		}

		/** "book + later": the labels matched, for a decision's evidence. */
		String labels() {
			return String.join(" + ", matched.stream().map(found -> found.label().value()).toList());
		}

	}

	private static String quoted(String words) {
		String flat = (words != null) ? words.strip().replaceAll("\\s+", " ") : "";
		return "\"" + ((flat.length() <= 80) ? flat : flat.substring(0, 79) + "…") + "\"";
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
