package com.oshun.nurture.triggers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import com.oshun.nurture.web.Rejected;

import org.springframework.http.HttpStatus;

/**
 * How one sender signs its webhooks: which headers carry what, what the HMAC-SHA256
 * covers and how old a signed timestamp may be. {@link #verify} refuses a delivery with
 * 401 naming the header at fault.
 */
sealed interface WebhookScheme {

	/**
	 * Our own booking webhook and Chatwoot's: a timestamp header and
	 * {@code <prefix><hex HMAC(secret, timestamp + "." + body)>}.
	 */
	record TimestampedHmac(String timestampHeader, String signatureHeader, String prefix) implements WebhookScheme {

		@Override
		public void verify(String secret, UnaryOperator<String> headers, byte[] body, Instant now, Duration tolerance) {
			String timestamp = headers.apply(timestampHeader);
			if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
				throw refused(timestampHeader + " is missing or not unix seconds", timestampHeader);
			}
			if (tooOld(timestamp, now, tolerance)) {
				throw refused(timestampHeader + " is too far from now", timestampHeader);
			}
			String expected = prefix + signed(secret, timestamp, body);
			if (!Signatures.same(expected, headers.apply(signatureHeader))) {
				throw refused(signatureHeader + " does not match", signatureHeader);
			}
		}

	}

	/**
	 * Calendly's:
	 * {@code Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC(key, t +
	 * "." + body)>}, with Calendly's own tolerance of 3 minutes.
	 */
	record Calendly(String header) implements WebhookScheme {

		static final Duration TOLERANCE = Duration.ofMinutes(3);

		@Override
		public void verify(String secret, UnaryOperator<String> headers, byte[] body, Instant now, Duration tolerance) {
			String value = headers.apply(header);
			String timestamp = null;
			String signature = null;
			for (String part : (value != null) ? value.split(",") : new String[0]) {
				String[] pair = part.split("=", 2);
				if (pair.length == 2 && pair[0].trim().equals("t")) {
					timestamp = pair[1].trim();
				}
				else if (pair.length == 2 && pair[0].trim().equals("v1")) {
					signature = pair[1].trim();
				}
			}
			if (timestamp == null || !timestamp.matches("\\d{1,12}") || signature == null) {
				throw refused(header + " is missing or not t=<seconds>,v1=<hex>", header);
			}
			if (tooOld(timestamp, now, TOLERANCE)) {
				throw refused(header + " timestamp is more than 3 minutes from now", header);
			}
			if (!Signatures.same(signed(secret, timestamp, body), signature)) {
				throw refused(header + " does not match", header);
			}
		}

	}

	/**
	 * Cal.com's: {@code X-Cal-Signature-256: <hex HMAC(secret, body)>}. Cal.com signs no
	 * timestamp (replays are caught by the dedupe alone), and sends
	 * {@code no-secret-provided} when its webhook has no secret.
	 */
	record BodyHmac(String header) implements WebhookScheme {

		@Override
		public void verify(String secret, UnaryOperator<String> headers, byte[] body, Instant now, Duration tolerance) {
			String signature = headers.apply(header);
			if (signature == null || "no-secret-provided".equals(signature.trim())
					|| !Signatures.same(Signatures.hmacSha256Hex(secret, body), signature)) {
				throw refused(header + " is missing or does not match", header);
			}
		}

	}

	/**
	 * Refuse the delivery (401 naming the header) unless it is signed with {@code secret}
	 * at a time within {@code tolerance} of {@code now}, where the scheme signs one.
	 */
	void verify(String secret, UnaryOperator<String> headers, byte[] body, Instant now, Duration tolerance);

	private static boolean tooOld(String timestamp, Instant now, Duration tolerance) {
		return Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs().compareTo(tolerance) > 0;
	}

	private static String signed(String secret, String timestamp, byte[] body) {
		return Signatures.hmacSha256Hex(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
	}

	private static Rejected refused(String message, String header) {
		return new Rejected(HttpStatus.UNAUTHORIZED, message, header);
	}

}
