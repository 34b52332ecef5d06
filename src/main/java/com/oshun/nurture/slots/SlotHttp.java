package com.oshun.nurture.slots;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GET to a slots API within a bounded wait; every way it can fail (unreachable,
 * timeout, 401, 429, 5xx, not JSON) becomes a {@link SlotsUnavailable} naming it.
 */
final class SlotHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final Duration timeout;

	SlotHttp(Duration timeout) {
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	JsonNode get(String vendor, URI uri, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
		headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new SlotsUnavailable(vendor + " slots unreachable: timed out after " + timeout.toMillis() + " ms");
		}
		catch (IOException ex) {
			throw new SlotsUnavailable(vendor + " slots unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SlotsUnavailable(vendor + " slots interrupted");
		}
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			throw new SlotsUnavailable(vendor + " slots " + status + ": the API key or token was refused");
		}
		if (status == 429) {
			throw new SlotsUnavailable(vendor + " slots 429: rate limited");
		}
		if (status != 200) {
			throw new SlotsUnavailable(vendor + " slots " + status);
		}
		try {
			return JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new SlotsUnavailable(vendor + " slots answered something other than JSON");
		}
	}

}
