package com.oshun.nurture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small real HTTP client for the tests: admin calls with the token, and booking
 * webhooks signed the way CONTRACT.md says.
 */
public final class TestHttp {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	private final String token;

	private final String secret;

	public TestHttp(int port, String token, String secret) {
		this.base = "http://localhost:" + port;
		this.token = token;
		this.secret = secret;
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return MAPPER.readTree(body);
		}

		public Response expect(int expected) {
			assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
			return this;
		}

	}

	public Response get(String path) {
		return send(admin(path).GET());
	}

	public Response post(String path, String json) {
		return send(admin(path).header("Content-Type", "application/json").POST(body(json)));
	}

	/** POST raw bytes as {@code contentType} (a CSV or NDJSON import). */
	public Response post(String path, String contentType, byte[] body) {
		return send(admin(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	public Response put(String path, String json) {
		return send(admin(path).header("Content-Type", "application/json").PUT(body(json)));
	}

	public Response delete(String path) {
		return send(admin(path).DELETE());
	}

	public Response unauthenticated(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** POST a booking webhook, signed now with the test secret. */
	public Response booking(String json) {
		return booking(json, Instant.now().getEpochSecond(), null);
	}

	/**
	 * POST a booking webhook with a chosen timestamp, or a chosen signature header when
	 * not null.
	 */
	public Response booking(String json, long timestamp, String signature) {
		byte[] raw = json.getBytes(StandardCharsets.UTF_8);
		String signed = (signature != null) ? signature : "sha256=" + sign(timestamp + ".", raw);
		return send(HttpRequest.newBuilder(URI.create(base + "/webhooks/booking"))
			.header("Content-Type", "application/json")
			.header("X-Nurture-Timestamp", Long.toString(timestamp))
			.header("X-Nurture-Signature", signed)
			.POST(HttpRequest.BodyPublishers.ofByteArray(raw)));
	}

	public Response raw(HttpRequest.Builder request) {
		return send(request);
	}

	public String base() {
		return base;
	}

	public String sign(String prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(prefix.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder admin(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
	}

	private static HttpRequest.BodyPublisher body(String json) {
		return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
