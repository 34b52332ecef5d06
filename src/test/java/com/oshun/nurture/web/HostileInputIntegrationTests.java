package com.oshun.nurture.web;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.TestHttp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz test of every edge: thousands of generated hostile inputs (malformed JSON, wrong
 * types, huge strings, deep nesting, unicode, SQL and script injection, forged, missing
 * and stale signatures, replays). Nothing may answer 5xx, and a refused input changes
 * nothing.
 */
class HostileInputIntegrationTests extends IntegrationTest {

	private static final int ROUNDS = 160;

	private static final List<String> NASTY = List.of("'; drop table contacts; --", "\" or 1=1 --",
			"<script>alert(1)</script>", "\u0000", "\uD83D\uDE00\u202E\u200B", "%00%0d%0a", "../../etc/passwd",
			"${jndi:ldap://x}", "{{7*7}}", "NaN", "-1", "1e309", "", " ", "\\", "\"", "x".repeat(5000), "Ana Souza",
			"+5511999990000", "2026-13-45T99:99:99Z");

	private final Random random = new Random(20261124);

	private int inputs;

	@Test
	void noInputAnswers5xxAndRefusedInputsChangeNothing() {
		http.put("/api/contacts/c_1", "{\"name\":\"Ana\"}").expect(200);
		for (int round = 0; round < ROUNDS; round++) {
			String body = mutatedEvent();
			long now = Instant.now().getEpochSecond();
			check(() -> http.booking(body));
			check(() -> http.booking(body, now - 400, null));
			check(() -> http.booking(body, now, "sha256=" + hex(64)));
			check(() -> http.raw(webhook("/webhooks/calcom", body).header("X-Cal-Signature-256",
					new TestHttp(port, TOKEN, CALCOM_SECRET).sign("", bytes(body)))));
			check(() -> http.raw(webhook("/webhooks/calendly", body).header("Calendly-Webhook-Signature",
					"t=" + now + ",v1=" + new TestHttp(port, TOKEN, CALENDLY_KEY).sign(now + ".", bytes(body)))));
			check(() -> http.raw(webhook("/webhooks/chatwoot/" + CHATWOOT_TOKEN, body)));
			check(() -> http.raw(webhook("/webhooks/chatwoot/" + pathSegment(), body)));
			check(() -> http.put("/api/contacts/" + pathSegment(), mutatedContact()));
			check(() -> http.post("/api/contacts/c_1/warm-lead", mutatedContact()));
			check(() -> http.get("/api/contacts?q=" + query() + "&limit=" + query()));
			check(() -> http.get("/api/enrollments?status=" + query() + "&sequence=" + query()));
			check(() -> http.post("/api/enrollments/" + pathSegment() + "/pause", ""));
			check(() -> http.get("/api/sequences/" + pathSegment()));
			check(() -> http.post("/api/sequences/warm_lead/preview", mutatedContact()));
			check(() -> http.post("/api/clock/advance", "{\"by\":" + jsonValue() + "}"));
		}
		check(() -> http.booking("[".repeat(100_000)));
		check(() -> http.booking("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
		check(() -> http.raw(webhook("/webhooks/booking", "{}").header("X-Nurture-Timestamp", "9".repeat(40))));
		assertThat(inputs).isGreaterThan(2000);
	}

	private void check(Supplier<TestHttp.Response> request) {
		List<Long> before = counts();
		TestHttp.Response response = request.get();
		inputs++;
		assertThat(response.status()).as("answer to a hostile input: %s", response.body()).isLessThan(500);
		if (response.status() >= 400) {
			assertThat(counts()).as("a refused input changed nothing").isEqualTo(before);
		}
	}

	private List<Long> counts() {
		return jdbc.sql("""
				select (select count(*) from contacts), (select count(*) from webhook_events),
				       (select count(*) from nurture_enrollments), (select count(*) from bookings),
				       (select count(*) from memory_knowledge)
				""")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	private String mutatedEvent() {
		String base = BookingJson.event("evt_" + random.nextInt(50), pick(List.of("booking.created", "booking.noShow",
				"booking.cancelled", "booking.completed", "booking.rescheduled", "nope")), "k" + random.nextInt(20),
				null);
		return switch (random.nextInt(8)) {
			case 0 -> base;
			case 1 -> base.substring(0, random.nextInt(base.length()));
			case 2 -> base.replaceFirst("\"[a-zA-Z]+\":", Matcher.quoteReplacement("\"" + escape(nasty()) + "\":"));
			case 3 -> base.replaceFirst(":\"[^\"]*\"", Matcher.quoteReplacement(":" + jsonValue()));
			case 4 -> base.replaceFirst("\"(contact|booking)\":\\{",
					"\"$1\":" + Matcher.quoteReplacement(jsonValue()) + ",\"x\":{");
			case 5 -> "{\"id\":" + jsonValue() + ",\"type\":" + jsonValue() + "}";
			case 6 -> randomBytes();
			default -> base.replace("Ana Souza", escape(nasty()));
		};
	}

	private String mutatedContact() {
		List<String> fields = List.of("name", "phone", "email", "timezone", "locale", "preferredChannel",
				"instagramSourceId", "procedureInterest", "interests", "marketingConsent", "procedure",
				"contactExternalId");
		StringBuilder json = new StringBuilder("{");
		int n = random.nextInt(4);
		for (int i = 0; i < n; i++) {
			json.append(i > 0 ? "," : "").append('"').append(pick(fields)).append("\":").append(jsonValue());
		}
		return (random.nextInt(10) == 0) ? randomBytes() : json.append('}').toString();
	}

	private String jsonValue() {
		return switch (random.nextInt(9)) {
			case 0 -> "null";
			case 1 -> Integer.toString(random.nextInt());
			case 2 -> "true";
			case 3 -> "[" + "\"" + escape(nasty()) + "\"]";
			case 4 -> "{\"a\":{\"b\":[1,2,{\"c\":null}]}}";
			case 5 -> "1.5e400";
			case 6 -> "\"P" + random.nextInt(100_000) + "D\"";
			default -> "\"" + escape(nasty()) + "\"";
		};
	}

	private String nasty() {
		return pick(NASTY);
	}

	private String query() {
		return URLEncoder.encode(nasty(), StandardCharsets.UTF_8);
	}

	private String pathSegment() {
		String segment = URLEncoder.encode(nasty(), StandardCharsets.UTF_8).replace("+", "%20");
		return segment.isEmpty() ? "x" : segment;
	}

	private String randomBytes() {
		byte[] bytes = new byte[random.nextInt(200)];
		random.nextBytes(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private String hex(int length) {
		StringBuilder hex = new StringBuilder();
		for (int i = 0; i < length; i++) {
			hex.append(Character.forDigit(random.nextInt(16), 16));
		}
		return hex.toString();
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private HttpRequest.Builder webhook(String path, String body) {
		return HttpRequest.newBuilder(URI.create(http.base() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
