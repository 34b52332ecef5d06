package com.oshun.nurture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cal.com and Calendly deliveries for the tests: example payloads in the vendors' own
 * shapes (test resources under {@code booking/}), signed with each vendor's own scheme.
 */
public final class VendorWebhooks {

	private final TestHttp http;

	public VendorWebhooks(TestHttp http) {
		this.http = http;
	}

	/** A reference example, as the vendor documents it. */
	public static String example(String file) {
		try {
			try (var in = VendorWebhooks.class.getResourceAsStream("/booking/" + file)) {
				if (in == null) {
					throw new IllegalArgumentException("no test resource booking/" + file);
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** POST to {@code /webhooks/calcom} signed as Cal.com signs. */
	public TestHttp.Response calcom(String json) {
		return calcom(json, hmac(IntegrationTest.CALCOM_SECRET, "", json));
	}

	/**
	 * POST to {@code /webhooks/calcom} with a chosen signature header (none when null).
	 */
	public TestHttp.Response calcom(String json, String signature) {
		HttpRequest.Builder request = post("/webhooks/calcom", json).header("X-Cal-Webhook-Version", "2021-10-20");
		if (signature != null) {
			request.header("X-Cal-Signature-256", signature);
		}
		return http.raw(request);
	}

	/** POST to {@code /webhooks/calendly} signed now, as Calendly signs. */
	public TestHttp.Response calendly(String json) {
		return calendly(json, calendlySignature(json, Instant.now().getEpochSecond(), IntegrationTest.CALENDLY_KEY));
	}

	/**
	 * POST to {@code /webhooks/calendly} with a chosen signature header (none when null).
	 */
	public TestHttp.Response calendly(String json, String signature) {
		HttpRequest.Builder request = post("/webhooks/calendly", json);
		if (signature != null) {
			request.header("Calendly-Webhook-Signature", signature);
		}
		return http.raw(request);
	}

	public static String calendlySignature(String json, long timestamp, String key) {
		return "t=" + timestamp + ",v1=" + hmac(key, timestamp + ".", json);
	}

	public static String hmac(String key, String prefix, String json) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(prefix.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder post(String path, String json) {
		return HttpRequest.newBuilder(URI.create(http.base() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
	}

}
