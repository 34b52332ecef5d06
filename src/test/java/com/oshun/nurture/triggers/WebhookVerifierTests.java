package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.web.Rejected;
import com.oshun.nurture.web.WallClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one webhook verifier: 503 without a secret, then each sender's scheme over the raw
 * body against a wall clock the test fixes.
 */
class WebhookVerifierTests {

	private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

	private final NurtureSettings settings = new NurtureSettings(null, "system", null, null,
			new NurtureSettings.Webhooks("booking-secret", "", null, 1024, Duration.ofMinutes(5)), null, null, null,
			null, Map.of(), null, null, new NurtureSettings.Booking(Duration.ofHours(2), null));

	private final WebhookVerifier verifier = new WebhookVerifier(settings,
			new WallClock(Clock.fixed(NOW, ZoneOffset.UTC)));

	@Test
	void anEndpointWithoutASecretAnswers503() {
		for (String secret : new String[] { null, "", " " }) {
			assertThatThrownBy(() -> verifier.verifiedBody(new MockHttpServletRequest(), "Cal.com", secret,
					new WebhookScheme.BodyHmac("X-Cal-Signature-256")))
				.isInstanceOf(Rejected.class)
				.extracting("status")
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	@Test
	void aTimestampedSignatureCountsWithinTheToleranceOfTheWallClock() throws Exception {
		var scheme = new WebhookScheme.TimestampedHmac("X-T", "X-S", "sha256=");
		byte[] body = "{\"id\":1}".getBytes();

		assertThat(verifier.verifiedBody(signed(body, NOW.minusSeconds(299)), "booking", "s", scheme)).isEqualTo(body);
		assertThatThrownBy(() -> verifier.verifiedBody(signed(body, NOW.minusSeconds(301)), "booking", "s", scheme))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("X-T is too far from now");
	}

	@Test
	void calendlyKeepsItsOwnThreeMinutes() throws Exception {
		byte[] body = "{}".getBytes();
		long t = NOW.minusSeconds(181).getEpochSecond();
		var request = new MockHttpServletRequest();
		request.setContent(body);
		request.addHeader("Calendly-Webhook-Signature",
				"t=" + t + ",v1=" + Signatures.hmacSha256Hex("k", (t + ".").getBytes(), body));

		assertThatThrownBy(() -> verifier.verifiedBody(request, "Calendly", "k",
				new WebhookScheme.Calendly("Calendly-Webhook-Signature")))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("more than 3 minutes");
	}

	private static MockHttpServletRequest signed(byte[] body, Instant at) {
		var request = new MockHttpServletRequest();
		request.setContent(body);
		String t = Long.toString(at.getEpochSecond());
		request.addHeader("X-T", t);
		request.addHeader("X-S", "sha256=" + Signatures.hmacSha256Hex("s", (t + ".").getBytes(), body));
		return request;
	}

}
