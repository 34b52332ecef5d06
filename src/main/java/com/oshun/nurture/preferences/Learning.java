package com.oshun.nurture.preferences;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns signals into preferences: the hour a contact replies at ({@code best_hour}), the
 * content they answer or ignore ({@code content_affinity.<objective>}), and price
 * sensitivity.
 */
@Service
public class Learning {

	public static final String BEST_HOUR = "best_hour";

	public static final String PRICE_SENSITIVITY = "price_sensitivity";

	public static final String AFFINITY = "content_affinity.";

	public static final String CHANNEL = "channel";

	private static final List<String> OFFERS = List.of("offer", "returning_offer");

	/**
	 * No preference acts on fewer signals than this, however confident one sighting
	 * looks.
	 */
	public static final int MIN_SIGNALS = 2;

	private final PreferenceRepository preferences;

	private final LearningSettings settings;

	private final Clock clock;

	Learning(PreferenceRepository preferences, LearningSettings settings, Clock clock) {
		this.preferences = preferences;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Learn from a reply. {@code answeredObjective} is the objective of the step it
	 * followed, if it came within the reply window of it.
	 * @return the hour to send at, when the reply made {@code best_hour} confident
	 */
	@Transactional
	public Optional<LocalTime> observeReply(long contactId, ZoneId zone, String text, Instant at,
			String answeredObjective, Duration delay) {
		int hour = at.atZone(zone).getHour();
		Evidence bestHour = observe(contactId, BEST_HOUR, Integer.toString(hour),
				current -> hourDistance(Integer.parseInt(current), hour) <= 1, "replied at " + hour + ":00 local time");
		ReplySignals signals = ReplySignals.of(text);
		if (signals.priceQuestion() || signals.hesitation()) {
			observe(contactId, PRICE_SENSITIVITY, "high", "high"::equals,
					signals.priceQuestion() ? "asked about price" : "hesitated");
		}
		else if (answeredObjective != null && OFFERS.contains(answeredObjective)) {
			preferences.lockEvidence(contactId, PRICE_SENSITIVITY)
				.ifPresent(evidence -> save(contactId, PRICE_SENSITIVITY, evidence.observe("low", false),
						"answered an offer without price concerns"));
		}
		if (answeredObjective != null) {
			String after = (delay != null) ? " " + Math.max(1, delay.toMinutes()) + " min after" : " after";
			observe(contactId, AFFINITY + answeredObjective, "responds", "responds"::equals,
					"replied" + after + " " + message(answeredObjective));
		}
		return acts(bestHour.confidence(), bestHour.matching())
				? Optional.of(LocalTime.of(Integer.parseInt(bestHour.value()), 0)) : Optional.empty();
	}

	/**
	 * A reply the LLM read as a price objection, which the price rules did not see: a
	 * signal for {@code price_sensitivity = high}, with who read it.
	 */
	@Transactional
	public void observePriceObjection(long contactId, String by) {
		observe(contactId, PRICE_SENSITIVITY, "high", "high"::equals, "objected to the price (read by " + by + ")");
	}

	/**
	 * A message of this objective got no reply (read or not) before the next one went
	 * out.
	 */
	@Transactional
	public void observeSilence(long contactId, String objective, boolean read) {
		observe(contactId, AFFINITY + objective, "ignores", "ignores"::equals,
				(read ? "read but no reply to " : "no reply to ") + message(objective));
	}

	/** The channel the contact writes on is the one they prefer. */
	@Transactional
	public void observeChannel(long contactId, String channel) {
		if (channel != null) {
			observe(contactId, CHANNEL, channel, channel::equals, "wrote on " + channel);
		}
	}

	/** The learned send hour, when it is sure enough to act on. */
	public Optional<LocalTime> bestHour(long contactId) {
		return preferences.forContact(contactId)
			.stream()
			.filter(preference -> BEST_HOUR.equals(preference.key()) && acts(preference))
			.findFirst()
			.map(preference -> LocalTime.of(Integer.parseInt(preference.value()), 0));
	}

	/**
	 * The objective a step's message is written for: an offer the contact confidently
	 * ignores (while answering other content) is written as education instead; any other
	 * objective as planned. Decided where the message is composed, so a step and its
	 * preview agree.
	 */
	public String adapt(String objective, List<Preference> preferences) {
		return (OFFERS.contains(objective) && ignores(preferences, objective)) ? "education" : objective;
	}

	/**
	 * True when the contact confidently ignores this objective and answers something
	 * else, from the contact's preferences already read.
	 */
	public boolean ignores(List<Preference> preferences, String objective) {
		return preferences.stream()
			.anyMatch(preference -> preference.key().equals(AFFINITY + objective) && acts(preference)
					&& "ignores".equals(preference.value()));
	}

	/**
	 * Whether a preference is sure enough to act on (and to be shown as learned): its
	 * confidence reaches {@code nurture.learning.confidence-threshold} and it rests on at
	 * least {@link #MIN_SIGNALS} signals.
	 */
	public boolean acts(Preference preference) {
		return acts(preference.confidence(), preference.evidenceCount());
	}

	/** {@link #acts(Preference)} from a confidence and the signals behind it. */
	public boolean acts(double confidence, int signals) {
		return signals >= MIN_SIGNALS && confidence >= settings.confidenceThreshold();
	}

	private Evidence observe(long contactId, String key, String observed, java.util.function.Predicate<String> agrees,
			String reason) {
		Evidence next = preferences.lockEvidence(contactId, key)
			.map(evidence -> evidence.observe(observed, agrees.test(evidence.value())))
			.orElseGet(() -> Evidence.first(observed));
		save(contactId, key, next, reason);
		return next;
	}

	private void save(long contactId, String key, Evidence evidence, String reason) {
		preferences.save(contactId, key, evidence, reason, clock.instant());
	}

	/** "an education message", "a nudge message". */
	private static String message(String objective) {
		return ("aeiou".indexOf(objective.charAt(0)) >= 0 ? "an " : "a ") + objective + " message";
	}

	private static int hourDistance(int a, int b) {
		int distance = Math.abs(a - b);
		return Math.min(distance, 24 - distance);
	}

}
