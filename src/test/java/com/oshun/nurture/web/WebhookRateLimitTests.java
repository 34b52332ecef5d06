package com.oshun.nurture.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRateLimitTests {

	@Test
	void aFloodFromOneAddressIsAnswered429AfterTheBurstWhileOthersAndLoopbackPass() throws Exception {
		long[] now = { 0 };
		WebhookRateLimit limit = new WebhookRateLimit(10, () -> now[0]);

		int passed = 0;
		for (int i = 0; i < 200; i++) {
			passed += (status(limit, "203.0.113.5", "/webhooks/booking") == 200) ? 1 : 0;
		}

		assertThat(passed).isEqualTo(50);
		assertThat(status(limit, "203.0.113.5", "/webhooks/booking")).isEqualTo(429);
		assertThat(status(limit, "203.0.113.5", "/webhooks/chatwoot/some-token")).isEqualTo(429);
		now[0] += 1_000_000_000L;
		assertThat(status(limit, "203.0.113.5", "/webhooks/booking")).isEqualTo(200);
		assertThat(status(limit, "198.51.100.7", "/webhooks/booking")).isEqualTo(200);
		assertThat(status(limit, "127.0.0.1", "/webhooks/booking")).isEqualTo(200);
		assertThat(status(limit, "203.0.113.5", "/api/contacts")).isEqualTo(200);
	}

	@Test
	void zeroTurnsItOff() throws Exception {
		WebhookRateLimit off = new WebhookRateLimit(0);
		for (int i = 0; i < 100; i++) {
			assertThat(status(off, "203.0.113.5", "/webhooks/booking")).isEqualTo(200);
		}
	}

	private static int status(WebhookRateLimit limit, String address, String path)
			throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

}
