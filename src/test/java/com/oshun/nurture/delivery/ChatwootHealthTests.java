package com.oshun.nurture.delivery;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class ChatwootHealthTests {

	private final WireMockServer chatwoot = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void start() {
		chatwoot.start();
	}

	@AfterEach
	void stop() {
		chatwoot.stop();
	}

	@Test
	void reachableWhenTheInboxesAnswerWithOurToken() {
		chatwoot.stubFor(get(urlPathEqualTo("/api/v1/accounts/1/inboxes")).withHeader("api_access_token", equalTo("t"))
			.willReturn(aResponse().withStatus(200).withBody("{\"payload\":[]}")));

		assertThat(health(chatwoot.baseUrl()).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void anOutageIsUnknownNotDownSoTheServiceIsNotRestartedForIt() {
		chatwoot.stubFor(get(urlPathEqualTo("/api/v1/accounts/1/inboxes"))
			.willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Invalid Access Token\"}")));

		assertThat(health(chatwoot.baseUrl()).health().getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health("http://127.0.0.1:1").health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void theDryRunIsHealthy() {
		assertThat(health(null).health().getStatus()).isEqualTo(Status.UP);
	}

	private static ChatwootHealth health(String baseUrl) {
		return new ChatwootHealth(new ChatwootSettings(baseUrl, "t", 1L, 4L, 7L, null, Duration.ofSeconds(2), 2400, 90,
				150, Duration.ofSeconds(30), Duration.ofMinutes(30), "warm-lead", "warm_lead", null));
	}

}
