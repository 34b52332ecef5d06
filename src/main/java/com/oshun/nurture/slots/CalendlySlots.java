package com.oshun.nurture.slots;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

/**
 * Calendly
 * {@code GET /event_type_available_times?event_type=<uri>&start_time=…&end_time=…} with a
 * personal access token, asked 7 days at a time (the range was capped at 7 days until
 * Calendly raised it to 31). It answers a {@code collection} of {@code {status,
 * invitees_remaining, start_time, scheduling_url}}, and {@code scheduling_url} books that
 * very time.
 */
final class CalendlySlots implements SlotSource {

	static final Duration MAX_RANGE = Duration.ofDays(7);

	private final SlotSettings.Calendly settings;

	private final SlotHttp http;

	CalendlySlots(SlotSettings.Calendly settings, SlotHttp http) {
		this.settings = settings;
		this.http = http;
	}

	@Override
	public String name() {
		return "calendly";
	}

	@Override
	public boolean serves(String procedure) {
		return settings.apiToken() != null && !settings.apiToken().isBlank()
				&& SlotSettings.forProcedure(settings.eventTypes(), procedure) != null;
	}

	@Override
	public List<Slot> fetch(String procedure, Instant from, Instant to, ZoneId zone) {
		String eventType = SlotSettings.forProcedure(settings.eventTypes(), procedure);
		List<Slot> slots = new ArrayList<>();
		for (Instant start = from; start.isBefore(to); start = start.plus(MAX_RANGE)) {
			Instant end = start.plus(MAX_RANGE).isBefore(to) ? start.plus(MAX_RANGE) : to;
			URI uri = URI.create(CalcomSlots.trimmed(settings.apiUrl()) + "/event_type_available_times?event_type="
					+ CalcomSlots.encode(eventType) + "&start_time=" + CalcomSlots.encode(start.toString())
					+ "&end_time=" + CalcomSlots.encode(end.toString()));
			JsonNode collection = http.get("Calendly", uri, Map.of("Authorization", "Bearer " + settings.apiToken()))
				.path("collection");
			if (!collection.isArray()) {
				throw new SlotsUnavailable("Calendly slots answered without a collection");
			}
			for (JsonNode time : collection) {
				if (!"available".equals(JsonValues.text(time.path("status")))
						|| time.path("invitees_remaining").asInt(1) < 1) {
					continue;
				}
				String link = JsonValues.text(time.path("scheduling_url"));
				if (link != null) {
					slots.add(new Slot(start(JsonValues.text(time.path("start_time"))), link));
				}
			}
		}
		return slots;
	}

	private static Instant start(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new SlotsUnavailable("Calendly answered a start_time that is not a time: " + text);
		}
	}

}
