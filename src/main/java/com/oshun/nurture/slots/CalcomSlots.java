package com.oshun.nurture.slots;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

/**
 * Cal.com API v2 {@code GET /v2/slots?eventTypeId=…&start=…&end=…&timeZone=…} with
 * {@code cal-api-version: 2024-09-04}, which answers {@code {"status": "success", "data":
 * {"YYYY-MM-DD": [{"start": "<ISO with offset>"}]}}}. A slot's link is the event type's
 * booking page with it preselected
 * ({@code ?month=YYYY-MM&date=YYYY-MM-DD&slot=<UTC ISO>}, the query parameters the
 * Cal.com booker reads).
 */
final class CalcomSlots implements SlotSource {

	static final String API_VERSION = "2024-09-04";

	private final SlotSettings.Calcom settings;

	private final SlotHttp http;

	CalcomSlots(SlotSettings.Calcom settings, SlotHttp http) {
		this.settings = settings;
		this.http = http;
	}

	@Override
	public String name() {
		return "cal.com";
	}

	@Override
	public boolean serves(String procedure) {
		return SlotSettings.forProcedure(settings.eventTypes(), procedure) != null;
	}

	@Override
	public List<Slot> fetch(String procedure, Instant from, Instant to, ZoneId zone) {
		SlotSettings.Calcom.EventType eventType = SlotSettings.forProcedure(settings.eventTypes(), procedure);
		URI uri = URI.create(trimmed(settings.apiUrl()) + "/v2/slots?eventTypeId=" + eventType.id() + "&start="
				+ encode(from.toString()) + "&end=" + encode(to.toString()) + "&timeZone=" + encode(zone.getId()));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("cal-api-version", API_VERSION);
		if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
			headers.put("Authorization", "Bearer " + settings.apiKey());
		}
		JsonNode data = http.get("Cal.com", uri, headers).path("data");
		if (!data.isObject()) {
			throw new SlotsUnavailable("Cal.com slots answered without data");
		}
		List<Slot> slots = new ArrayList<>();
		for (Map.Entry<String, JsonNode> day : data.properties()) {
			for (JsonNode slot : day.getValue()) {
				Instant start = start(JsonValues.text(slot.path("start")));
				slots.add(new Slot(start, link(eventType.link(), start, zone)));
			}
		}
		return slots;
	}

	/** The booking page with this slot preselected. */
	static String link(String page, Instant start, ZoneId zone) {
		LocalDate date = start.atZone(zone).toLocalDate();
		String base = trimmed(page);
		return base + (base.contains("?") ? "&" : "?") + "month=" + date.toString().substring(0, 7) + "&date=" + date
				+ "&slot=" + encode(start.toString());
	}

	private static Instant start(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new SlotsUnavailable("Cal.com slots answered a start that is not a time: " + text);
		}
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static String trimmed(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
