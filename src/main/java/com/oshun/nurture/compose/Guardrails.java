package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every message passes before it is sent, whichever composer wrote it. The
 * clinic's knowledge valid at send time is the only source of prices, offers and links.
 */
final class Guardrails {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

	private static final Pattern LINK = Pattern.compile(
			"(?:https?://|www\\.)[^\\s<>\"')]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|io|ly|me|br|es|pt|co|info|biz|app|link|site|online|clinic|shop|gl)(?:/[^\\s<>\"')]*)?",
			FLAGS);

	private static final Pattern PRICE = Pattern.compile(
			"(?:R\\$|US\\$|\\$|€|£)\\s?\\d[\\d.,]*|\\d[\\d.,]*\\s?(?:€|£|eur|euros?|reais|dollars?|dólares|usd|brl)(?![\\p{L}])|\\d+(?:[.,]\\d+)?\\s?%",
			FLAGS);

	// The word lists (offers, promises) are written in lower case and matched against the
	// lower-cased text: case-insensitive matching costs several times more over long
	// alternations.

	/** Offer words that only an offer in the knowledge base can justify. */
	private static final Pattern OFFER_WORDS = Pattern.compile(
			"(?<![\\p{L}])(discount|promo|promotion|deal|sale|special offer|limited[- ]time|descuento|promoción|rebaja|"
					+ "oferta|desconto|promoção)(?![\\p{L}])");

	/** Words so specific that they must appear in a valid offer itself. */
	private static final Pattern FREE_WORDS = Pattern.compile(
			"(?<![\\p{L}])(free|gratis|grátis|de graça|black friday|cyber monday|2x1|2 for 1|half price|coupon|voucher|promo code|"
					+ "cupón|cupom|código)(?![\\p{L}])");

	private static final List<Pattern> PROMISES = List.of(Pattern.compile(
			"(?<![\\p{L}])(guarantee[ds]?|guaranteed|risk[- ]free|no risks?|no side[- ]effects|(completely|totally|100\\s?%) (painless|safe|natural)|"
					+ "permanent(ly)? (results?|fix|solution)|forever|will (definitely|certainly|surely)|(erase|eliminate|remove) (all )?(your |the )?wrinkles|"
					+ "years younger|cures?|miracle|flawless results)(?![\\p{L}])"),
			Pattern
				.compile("(?<![\\p{L}])(garantiza\\p{L}*|garantía|resultados? permanentes?|para siempre|sin riesgos?|"
						+ "sin efectos secundarios|sin ningún dolor|(eliminar|borrar)(á|emos)? (todas )?(las |tus )?arrugas|años más joven|milagro\\p{L}*|"
						+ "garant(o|e|es|em|ido|ida|idos|idas|imos|ia)|para sempre|sem riscos?|sem efeitos colaterais|sem nenhuma dor|"
						+ "(eliminar|apagar)(á|emos)? (todas )?(as |suas )?rugas|anos mais jovem|milagr\\p{L}*)(?![\\p{L}])"));

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+\\}|\\[(name|nome|nombre|procedure)\\]",
			FLAGS);

	private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().-]{7,}\\d");

	private static final Pattern FULL_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){1,2}");

	private static final Pattern GREETING = Pattern.compile(
			"^\\s*(?iu:hi|hello|hey|dear|hola|querid[oa]|oi|olá|ola|bom dia|buenos días)[,!]?\\s+(\\p{Lu}\\p{Ll}+)");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** Words a greeting starts with, which {@link #FULL_NAME} takes for a first name. */
	private static final Set<String> GREETING_WORDS = Set.of("hi", "hello", "hey", "dear", "good", "morning",
			"afternoon", "evening", "hola", "querido", "querida", "buenos", "buenas", "días", "tardes", "oi", "olá",
			"ola", "bom", "boa", "dia", "tarde", "caro", "cara");

	private static final Pattern NOT_DIGITS = Pattern.compile("\\D");

	private static final Pattern SCHEME = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);

	private static final Pattern WWW = Pattern.compile("^www\\.", Pattern.CASE_INSENSITIVE);

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?]+$");

	private final OtherContacts others;

	/**
	 * What the last knowledge checked against says, worked out once for every message.
	 */
	private volatile Facts facts;

	Guardrails(OtherContacts others) {
		this.others = others;
	}

	/**
	 * The clinic knowledge valid on a day, in the forms the checks compare with: its text
	 * squeezed for prices, lower-cased and as digits for people, and the hosts of its
	 * links. Every message of a batch is checked against the same knowledge.
	 */
	private record Facts(List<KnowledgeItem> source, LocalDate date, List<KnowledgeItem> valid, String squeezed,
			String lower, String numbers, List<String> hosts) {

		static Facts of(List<KnowledgeItem> clinic, LocalDate date) {
			List<KnowledgeItem> valid = clinic.stream().filter(item -> item.validOn(date)).toList();
			String joined = joined(valid);
			List<String> hosts = new ArrayList<>();
			Matcher known = LINK.matcher(joined);
			while (known.find()) {
				hosts.add(host(known.group()));
			}
			return new Facts(clinic, date, valid, squeeze(joined), joined.toLowerCase(Locale.ROOT), digits(joined),
					List.copyOf(hosts));
		}

	}

	private Facts facts(List<KnowledgeItem> clinic, LocalDate date) {
		Facts known = facts;
		if (known == null || known.source() != clinic || !known.date().equals(date)) {
			known = Facts.of(clinic, date);
			facts = known;
		}
		return known;
	}

	/** What a guardrail said: accepted, or the reasons it was not. */
	record Verdict(List<String> reasons) {

		boolean accepted() {
			return reasons.isEmpty();
		}

		String summary() {
			return String.join("; ", reasons);
		}

	}

	/**
	 * Check {@code text} written for {@code context} against the clinic knowledge valid
	 * at send time.
	 */
	Verdict check(String text, MessageContext context, List<KnowledgeItem> clinic) {
		List<String> reasons = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return new Verdict(List.of("empty message"));
		}
		if (text.length() > context.maxLength()) {
			reasons.add("longer than the " + context.channel() + " limit of " + context.maxLength() + " characters ("
					+ text.length() + ")");
		}
		Facts known = facts(clinic, context.at().atZone(context.zone()).toLocalDate());
		// the offered slots' links are the calendar's own ("slot=…T17%3A30…" is no price)
		String unlinked = SlotTimes.withoutOfferedLinks(text, context);
		placeholder(unlinked).ifPresent(reasons::add);
		prices(unlinked, known).ifPresent(reasons::add);
		Lowered lowered = Lowered.of(unlinked);
		offers(lowered, context, known.valid()).ifPresent(reasons::add);
		promises(lowered).ifPresent(reasons::add);
		MissedDay.wrongToday(lowered.lower(), context).ifPresent(reasons::add);
		SlotTimes.unoffered(unlinked, context).ifPresent(reasons::add);
		links(unlinked, known).ifPresent(reasons::add);
		otherPeople(unlinked, context, known).ifPresent(reasons::add);
		language(text, context).ifPresent(reasons::add);
		Repeats.check(text, context.earlier()).ifPresent(reasons::add);
		return new Verdict(List.copyOf(reasons));
	}

	private static Optional<String> placeholder(String text) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		return matcher.find() ? Optional.of("unfilled placeholder " + matcher.group()) : Optional.empty();
	}

	private static Optional<String> prices(String text, Facts known) {
		Matcher matcher = PRICE.matcher(text);
		while (matcher.find()) {
			if (!known.squeezed().contains(squeeze(matcher.group()))) {
				return Optional
					.of("price or discount not in the clinic's current knowledge: " + matcher.group().trim());
			}
		}
		return Optional.empty();
	}

	private static Optional<String> offers(Lowered text, MessageContext context, List<KnowledgeItem> valid) {
		List<KnowledgeItem> offers = valid.stream()
			.filter(item -> KnowledgeItem.OFFER.equals(item.kind()) && item.about(context.procedure()))
			.toList();
		String offerText = joined(offers).toLowerCase(Locale.ROOT);
		Matcher free = FREE_WORDS.matcher(text.lower());
		while (free.find()) {
			if (!offerText.contains(free.group(1))) {
				return Optional.of("offer not in the clinic's current knowledge: " + text.group(free, 1));
			}
		}
		Matcher words = OFFER_WORDS.matcher(text.lower());
		if (words.find() && offers.isEmpty()) {
			return Optional.of("offer not in the clinic's current knowledge: " + text.group(words, 1));
		}
		return Optional.empty();
	}

	private static Optional<String> promises(Lowered text) {
		for (Pattern promise : PROMISES) {
			Matcher matcher = promise.matcher(text.lower());
			if (matcher.find()) {
				return Optional.of("promises a medical result: " + text.group(matcher, 1));
			}
		}
		return Optional.empty();
	}

	/** A message and its lower-cased form, which the word lists are matched against. */
	private record Lowered(String original, String lower) {

		static Lowered of(String text) {
			return new Lowered(text, text.toLowerCase(Locale.ROOT));
		}

		/**
		 * A group as written in the message (lower case if lower-casing moved letters).
		 */
		String group(Matcher matcher, int group) {
			return (original.length() == lower.length()) ? original.substring(matcher.start(group), matcher.end(group))
					: matcher.group(group);
		}

	}

	private static Optional<String> links(String text, Facts known) {
		if (!mayHoldLink(text)) {
			return Optional.empty();
		}
		List<String> allowed = known.hosts();
		// A link holds no white space, so only the words that may hold one are matched.
		for (String word : SPACES.split(EMAIL.matcher(text).replaceAll(" "))) {
			if (!mayHoldLink(word)) {
				continue;
			}
			Matcher matcher = LINK.matcher(word);
			while (matcher.find()) {
				String host = host(matcher.group());
				if (allowed.stream().noneMatch(ok -> host.equals(ok) || host.endsWith("." + ok))) {
					return Optional.of("link outside the clinic's own: " + host);
				}
			}
		}
		return Optional.empty();
	}

	private Optional<String> otherPeople(String text, MessageContext context, Facts facts) {
		String known = facts.lower();
		Matcher email = EMAIL.matcher(text);
		while (email.find()) {
			String found = email.group().toLowerCase(Locale.ROOT);
			if (!found.equalsIgnoreCase(context.email()) && !known.contains(found)) {
				return Optional.of("contains someone else's e-mail");
			}
		}
		Matcher phone = PHONE.matcher(text);
		String ownPhone = digits(context.phone());
		while (phone.find()) {
			String found = digits(phone.group());
			if (found.length() >= 9 && !found.equals(ownPhone) && !facts.numbers().contains(found)) {
				return Optional.of("contains someone else's phone number");
			}
		}
		Matcher greeting = GREETING.matcher(text);
		if (greeting.find() && context.firstName() != null
				&& !greeting.group(1).equalsIgnoreCase(context.firstName())) {
			return Optional.of("addresses someone else: " + greeting.group(1));
		}
		// A name that is all or part of the contact's own ("Maria Silva" for Maria Silva
		// Costa) names them, not someone else; one in the clinic's knowledge (its own
		// name, its staff) names no patient; "Hi Maria" is a greeting and a first name.
		String own = (context.name() != null)
				? " " + SPACES.matcher(context.name().trim()).replaceAll(" ").toLowerCase(Locale.ROOT) + " " : "";
		List<String> names = new ArrayList<>();
		Matcher fullName = FULL_NAME.matcher(text);
		while (fullName.find()) {
			List<String> words = new ArrayList<>(List.of(SPACES.split(fullName.group())));
			while (!words.isEmpty() && GREETING_WORDS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
				words.remove(0);
			}
			String found = String.join(" ", words);
			String lower = found.toLowerCase(Locale.ROOT);
			if (words.size() >= 2 && !own.contains(" " + lower + " ") && !known.contains(lower)) {
				names.add(found);
			}
		}
		if (others.anyNamed(context.contactId(), names)) {
			return Optional.of("names another contact");
		}
		return Optional.empty();
	}

	private static Optional<String> language(String text, MessageContext context) {
		return Languages.detect(text)
			.filter(detected -> !detected.equals(context.language()))
			.map(detected -> "written in " + detected + ", the contact reads " + context.language());
	}

	private static String joined(List<KnowledgeItem> items) {
		StringBuilder all = new StringBuilder();
		items.forEach(item -> all.append(item.content()).append('\n'));
		return all.toString();
	}

	private static String squeeze(String text) {
		return SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
	}

	private static String digits(String text) {
		return (text != null) ? NOT_DIGITS.matcher(text).replaceAll("") : "";
	}

	private static String host(String link) {
		String host = WWW.matcher(SCHEME.matcher(link).replaceFirst("")).replaceFirst("");
		int end = host.indexOf('/');
		host = (end >= 0) ? host.substring(0, end) : host;
		return TRAILING_PUNCTUATION.matcher(host.toLowerCase(Locale.ROOT)).replaceAll("");
	}

	/**
	 * Whether {@link #LINK} could match: it needs a scheme, {@code www.}, or a dot
	 * followed by a letter (a top-level domain). Most messages have none of them, and the
	 * pattern is costly to run over every word.
	 */
	private static boolean mayHoldLink(String text) {
		for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
			if (Character.isLetter(text.charAt(i + 1))) {
				return true;
			}
		}
		String lower = text.toLowerCase(Locale.ROOT);
		return lower.contains("http") || lower.contains("www.");
	}

}
