package com.oshun.nurture;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.oshun.nurture.triggers.Signatures;

/**
 * Chatwoot account webhooks as Chatwoot 4.15 sends them: the real example payloads,
 * signed over {@code timestamp + "." + raw body}.
 */
public final class ChatwootWebhooks {

	private ChatwootWebhooks() {
	}

	/**
	 * The real incoming WhatsApp example, from {@code phone}, saying {@code text},
	 * created at {@code at}.
	 */
	public static String incoming(String phone, String text, Instant at) {
		String quoted = text.replace("\\", "\\\\").replace("\"", "\\\"");
		return example("message_created.incoming_whatsapp.json").replace("+5511999990000", phone)
			.replace("Hi, has my order shipped?", quoted)
			.replace("2026-06-17T10:00:00.123Z", at.toString());
	}

	public static TestHttp.Response post(TestHttp http, String body) {
		long now = Instant.now().getEpochSecond();
		return send(http, body, now, sign(now, body), UUID.randomUUID().toString());
	}

	public static TestHttp.Response send(TestHttp http, String body, long timestamp, String signature,
			String deliveryId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + "/webhooks/chatwoot"))
			.header("Content-Type", "application/json")
			.header("X-Chatwoot-Timestamp", Long.toString(timestamp))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (signature != null) {
			request.header("X-Chatwoot-Signature", signature);
		}
		if (deliveryId != null) {
			request.header("X-Chatwoot-Delivery", deliveryId);
		}
		return http.raw(request);
	}

	public static String sign(long timestamp, String body) {
		return "sha256=" + Signatures.hmacSha256Hex(IntegrationTest.CHATWOOT_SECRET,
				(timestamp + ".").getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
	}

	public static String example(String name) {
		try (InputStream in = ChatwootWebhooks.class.getResourceAsStream("/chatwoot/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
