package com.oshun.nurture.slots;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.booking.slots}: how many open times a message offers ({@code count}),
 * how far ahead ({@code ahead}) and how soon at the earliest ({@code min-notice}); how
 * long a slots API may take ({@code timeout}) and how long an answer ({@code cache-for})
 * or a failure ({@code failure-cache-for}) is reused. Defaults live in
 * {@code application.yml}.
 */
@ConfigurationProperties("nurture.booking.slots")
public record SlotSettings(int count, Duration ahead, Duration minNotice, Duration timeout, Duration cacheFor,
		Duration failureCacheFor, Calcom calcom, Calendly calendly) {

	public SlotSettings {
		calcom = (calcom != null) ? calcom : new Calcom(null, null, null);
		calendly = (calendly != null) ? calendly : new Calendly(null, null, null);
	}

	/**
	 * Cal.com API v2: {@code CALCOM_API_URL}, {@code CALCOM_API_KEY}, and per procedure
	 * the event type's id and booking page ({@code https://cal.com/<user>/<event>}).
	 */
	public record Calcom(String apiUrl, String apiKey, Map<String, EventType> eventTypes) {

		public Calcom {
			apiUrl = (apiUrl != null && !apiUrl.isBlank()) ? apiUrl : "https://api.cal.com";
			eventTypes = lowerKeys(eventTypes);
		}

		public record EventType(long id, String link) {
		}

	}

	/**
	 * Calendly: {@code CALENDLY_API_TOKEN} (a personal access token) and per procedure
	 * the event type's URI ({@code https://api.calendly.com/event_types/<uuid>}).
	 */
	public record Calendly(String apiUrl, String apiToken, Map<String, String> eventTypes) {

		public Calendly {
			apiUrl = (apiUrl != null && !apiUrl.isBlank()) ? apiUrl : "https://api.calendly.com";
			eventTypes = lowerKeys(eventTypes);
		}

	}

	/** The entry for a procedure, or the {@code default} one. */
	static <T> T forProcedure(Map<String, T> byProcedure, String procedure) {
		T entry = (procedure != null) ? byProcedure.get(procedure.trim().toLowerCase(Locale.ROOT)) : null;
		return (entry != null) ? entry : byProcedure.get("default");
	}

	private static <T> Map<String, T> lowerKeys(Map<String, T> map) {
		if (map == null) {
			return Map.of();
		}
		Map<String, T> lower = new java.util.HashMap<>();
		map.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
		return Map.copyOf(lower);
	}

}
