package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

	/** Offer words that only an offer in the knowledge base can justify. */
	private static final Pattern OFFER_WORDS = Pattern.compile(
			"(?<![\\p{L}])(discount|promo|promotion|deal|sale|special offer|limited[- ]time|descuento|promoción|rebaja|"
					+ "oferta|desconto|promoção)(?![\\p{L}])",
			FLAGS);

	/** Words so specific that they must appear in a valid offer itself. */
	private static final Pattern FREE_WORDS = Pattern.compile(
			"(?<![\\p{L}])(free|gratis|grátis|de graça|black friday|cyber monday|2x1|2 for 1|half price|coupon|voucher|promo code|"
					+ "cupón|cupom|código)(?![\\p{L}])",
			FLAGS);

	private static final List<Pattern> PROMISES = List.of(Pattern.compile(
			"(?<![\\p{L}])(guarantee[ds]?|guaranteed|risk[- ]free|no risks?|no side[- ]effects|(completely|totally|100\\s?%) (painless|safe|natural)|"
					+ "permanent(ly)? (results?|fix|solution)|forever|will (definitely|certainly|surely)|(erase|eliminate|remove) (all )?(your |the )?wrinkles|"
					+ "years younger|cures?|miracle|flawless results)(?![\\p{L}])",
			FLAGS),
			Pattern
				.compile("(?<![\\p{L}])(garantiza\\p{L}*|garantía|resultados? permanentes?|para siempre|sin riesgos?|"
						+ "sin efectos secundarios|sin ningún dolor|(eliminar|borrar)(á|emos)? (todas )?(las |tus )?arrugas|años más joven|milagro\\p{L}*|"
						+ "garant(o|e|es|em|ido|ida|idos|idas|imos|ia)|para sempre|sem riscos?|sem efeitos colaterais|sem nenhuma dor|"
						+ "(eliminar|apagar)(á|emos)? (todas )?(as |suas )?rugas|anos mais jovem|milagr\\p{L}*)(?![\\p{L}])",
						FLAGS));

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+\\}|\\[(name|nome|nombre|procedure)\\]",
			FLAGS);

	private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().-]{7,}\\d");

	private static final Pattern FULL_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){1,2}");

	private static final Pattern GREETING = Pattern.compile(
			"^\\s*(?iu:hi|hello|hey|dear|hola|querid[oa]|oi|olá|ola|bom dia|buenos días)[,!]?\\s+(\\p{Lu}\\p{Ll}+)");

	private final OtherContacts others;

	Guardrails(OtherContacts others) {
		this.others = others;
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
		LocalDate sendDate = context.at().atZone(context.zone()).toLocalDate();
		List<KnowledgeItem> valid = clinic.stream().filter(item -> item.validOn(sendDate)).toList();
		placeholder(text).ifPresent(reasons::add);
		prices(text, valid).ifPresent(reasons::add);
		offers(text, context, valid).ifPresent(reasons::add);
		promises(text).ifPresent(reasons::add);
		links(text, valid).ifPresent(reasons::add);
		otherPeople(text, context, valid).ifPresent(reasons::add);
		language(text, context).ifPresent(reasons::add);
		return new Verdict(List.copyOf(reasons));
	}

	private static Optional<String> placeholder(String text) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		return matcher.find() ? Optional.of("unfilled placeholder " + matcher.group()) : Optional.empty();
	}

	private static Optional<String> prices(String text, List<KnowledgeItem> valid) {
		String known = squeeze(joined(valid));
		Matcher matcher = PRICE.matcher(text);
		while (matcher.find()) {
			if (!known.contains(squeeze(matcher.group()))) {
				return Optional
					.of("price or discount not in the clinic's current knowledge: " + matcher.group().trim());
			}
		}
		return Optional.empty();
	}

	private static Optional<String> offers(String text, MessageContext context, List<KnowledgeItem> valid) {
		List<KnowledgeItem> offers = valid.stream()
			.filter(item -> KnowledgeItem.OFFER.equals(item.kind()) && item.about(context.procedure()))
			.toList();
		String offerText = joined(offers).toLowerCase(Locale.ROOT);
		Matcher free = FREE_WORDS.matcher(text);
		while (free.find()) {
			if (!offerText.contains(free.group(1).toLowerCase(Locale.ROOT))) {
				return Optional.of("offer not in the clinic's current knowledge: " + free.group(1));
			}
		}
		Matcher words = OFFER_WORDS.matcher(text);
		if (words.find() && offers.isEmpty()) {
			return Optional.of("offer not in the clinic's current knowledge: " + words.group(1));
		}
		return Optional.empty();
	}

	private static Optional<String> promises(String text) {
		for (Pattern promise : PROMISES) {
			Matcher matcher = promise.matcher(text);
			if (matcher.find()) {
				return Optional.of("promises a medical result: " + matcher.group(1));
			}
		}
		return Optional.empty();
	}

	private static Optional<String> links(String text, List<KnowledgeItem> valid) {
		List<String> allowed = new ArrayList<>();
		Matcher known = LINK.matcher(joined(valid));
		while (known.find()) {
			allowed.add(host(known.group()));
		}
		Matcher matcher = LINK.matcher(EMAIL.matcher(text).replaceAll(" "));
		while (matcher.find()) {
			String host = host(matcher.group());
			if (allowed.stream().noneMatch(ok -> host.equals(ok) || host.endsWith("." + ok))) {
				return Optional.of("link outside the clinic's own: " + host);
			}
		}
		return Optional.empty();
	}

	private Optional<String> otherPeople(String text, MessageContext context, List<KnowledgeItem> valid) {
		String known = joined(valid).toLowerCase(Locale.ROOT);
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
			if (found.length() >= 9 && !found.equals(ownPhone) && !digits(known).contains(found)) {
				return Optional.of("contains someone else's phone number");
			}
		}
		Matcher greeting = GREETING.matcher(text);
		if (greeting.find() && context.firstName() != null
				&& !greeting.group(1).equalsIgnoreCase(context.firstName())) {
			return Optional.of("addresses someone else: " + greeting.group(1));
		}
		List<String> names = new ArrayList<>();
		Matcher fullName = FULL_NAME.matcher(text);
		while (fullName.find()) {
			if (context.name() == null || !fullName.group().equalsIgnoreCase(context.name().trim())) {
				names.add(fullName.group());
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
		return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
	}

	private static String digits(String text) {
		return (text != null) ? text.replaceAll("\\D", "") : "";
	}

	private static String host(String link) {
		String host = link.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
		int end = host.indexOf('/');
		host = (end >= 0) ? host.substring(0, end) : host;
		return host.toLowerCase(Locale.ROOT).replaceAll("[.,;:!?]+$", "");
	}

}
