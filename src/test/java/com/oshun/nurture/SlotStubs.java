package com.oshun.nurture;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The slots APIs as the vendors answer them. Cal.com API v2 {@code GET /v2/slots}
 * ({@code cal-api-version: 2024-09-04}): {@code {"status": "success", "data":
 * {"YYYY-MM-DD": [{"start": …}]}}}, starts written in the requested {@code timeZone}; its
 * errors are {@code {"status": "error", "error": {"code", "message"}}}. Calendly
 * {@code GET /event_type_available_times}: {@code {"collection": [{"status",
 * "invitees_remaining", "start_time", "scheduling_url"}]}}; its errors are
 * {@code {"title", "message"}}.
 */
public final class SlotStubs {

	/** Thursday 14:30, Friday 10:00 and 15:00, Saturday 9:15 in São Paulo (UTC-3). */
	public static final String CALCOM_SAO_PAULO = """
			{"status": "success", "data": {
			  "2026-01-08": [{"start": "2026-01-08T14:30:00.000-03:00"}],
			  "2026-01-09": [{"start": "2026-01-09T10:00:00.000-03:00"}, {"start": "2026-01-09T15:00:00.000-03:00"}],
			  "2026-01-10": [{"start": "2026-01-10T09:15:00.000-03:00"}]
			}}
			""";

	/**
	 * Thursday 14:30, Friday 10:00 (and a full 11:00), Saturday 9:15 in Madrid (UTC+1 in
	 * January).
	 */
	public static final String CALENDLY_MADRID = """
			{"collection": [
			  {"status": "available", "invitees_remaining": 1, "start_time": "2026-01-08T13:30:00.000000Z",
			   "scheduling_url": "https://calendly.com/oshun-clinic/laser/2026-01-08T13:30:00Z?month=2026-01&date=2026-01-08"},
			  {"status": "available", "invitees_remaining": 1, "start_time": "2026-01-09T09:00:00.000000Z",
			   "scheduling_url": "https://calendly.com/oshun-clinic/laser/2026-01-09T09:00:00Z?month=2026-01&date=2026-01-09"},
			  {"status": "available", "invitees_remaining": 0, "start_time": "2026-01-09T10:00:00.000000Z",
			   "scheduling_url": "https://calendly.com/oshun-clinic/laser/2026-01-09T10:00:00Z?month=2026-01&date=2026-01-09"},
			  {"status": "available", "invitees_remaining": 1, "start_time": "2026-01-10T08:15:00.000000Z",
			   "scheduling_url": "https://calendly.com/oshun-clinic/laser/2026-01-10T08:15:00Z?month=2026-01&date=2026-01-10"}
			]}
			""";

	public static final String CALCOM_NO_SLOTS = """
			{"status": "success", "data": {}}
			""";

	private SlotStubs() {
	}

	public static MappingBuilder calcom(String timeZone) {
		return get(urlPathEqualTo("/v2/slots"))
			.withQueryParam("eventTypeId", equalTo(Long.toString(IntegrationTest.CALCOM_EVENT_TYPE)))
			.withQueryParam("timeZone", equalTo(timeZone))
			.withHeader("cal-api-version", equalTo("2024-09-04"))
			.withHeader("Authorization", equalTo("Bearer test-calcom-key"));
	}

	public static MappingBuilder calendly() {
		return get(urlPathEqualTo("/event_type_available_times"))
			.withQueryParam("event_type", equalTo(IntegrationTest.CALENDLY_EVENT_TYPE))
			.withHeader("Authorization", equalTo("Bearer " + IntegrationTest.CALENDLY_TOKEN));
	}

	public static void calcomAnswers(WireMockServer server, String timeZone, String body) {
		server.stubFor(calcom(timeZone).willReturn(okJson(body)));
	}

	public static void calcomDown(WireMockServer server, String timeZone) {
		server.stubFor(calcom(timeZone).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"status\": \"error\", \"error\": {\"code\": \"ServiceUnavailable\", \"message\": \"Service Unavailable\"}}")));
	}

	public static void calendlyAnswers(WireMockServer server, String body) {
		server.stubFor(calendly().willReturn(okJson(body)));
	}

	public static void calendlyRefuses(WireMockServer server) {
		server.stubFor(calendly().willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"title\": \"Unauthenticated\", \"message\": \"The access token is invalid\"}")));
	}

}
