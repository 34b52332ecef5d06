package com.oshun.nurture.triggers;

import java.time.Duration;
import java.util.Map;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.web.Rejected;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnconfiguredVendorWebhooksTests {

	private final NurtureSettings unconfigured = new NurtureSettings(null, "system", null, null,
			new NurtureSettings.Webhooks("booking-secret", "", null, 1024, Duration.ofMinutes(5)), null, null, null,
			null, Map.of(), null, null, new NurtureSettings.Booking(Duration.ofHours(2), null));

	@Test
	void calcomAnswers503WithoutASecret() {
		var controller = new CalcomWebhookController(null, null, unconfigured, null);

		assertThatThrownBy(() -> controller.receive(new MockHttpServletRequest())).isInstanceOf(Rejected.class)
			.extracting("status")
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void calendlyAnswers503WithoutASigningKey() {
		var controller = new CalendlyWebhookController(null, null, unconfigured, null);

		assertThatThrownBy(() -> controller.receive(new MockHttpServletRequest())).isInstanceOf(Rejected.class)
			.extracting("status")
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

}
