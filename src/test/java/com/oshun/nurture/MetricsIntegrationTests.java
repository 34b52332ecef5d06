package com.oshun.nurture;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} shows steps and webhooks; {@code /actuator/health} shows
 * the database and the scheduler.
 */
class MetricsIntegrationTests extends IntegrationTest {

	@Test
	void prometheusShowsStepsAndWebhooks() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(200);
		http.booking(BookingJson.noShow("evt_2", "c_2"), 1, null).expect(401);
		advance("PT6H");

		String metrics = scrape();

		assertThat(metrics).contains("nurture_webhooks_total{endpoint=\"booking\",result=\"accepted\",status=\"202\"}")
			.contains("nurture_webhooks_total{endpoint=\"booking\",result=\"duplicate\",status=\"200\"}")
			.contains("nurture_webhooks_total{endpoint=\"booking\",result=\"unauthorized\",status=\"401\"}");
		assertThat(value(metrics, "nurture_steps_recent{status=\"sent\"}")).isEqualTo(1.0);
		assertThat(value(metrics, "nurture_steps_scheduled")).isEqualTo(3.0);
		assertThat(value(metrics, "nurture_steps_due")).isEqualTo(0.0);
		assertThat(metrics).contains("nurture_step_lag_seconds{quantile=\"0.95\"}");
		assertThat(metrics).contains("nurture_messages_composed_total{composer=\"built-in\"}");
	}

	@Test
	void healthShowsTheDatabaseAndTheScheduler() {
		JsonNode health = http.get("/actuator/health").expect(200).json();
		assertThat(health.get("components").get("db").get("status").stringValue()).isEqualTo("UP");
		assertThat(health.get("components").get("scheduler").get("status").stringValue()).isEqualTo("UP");
		assertThat(health.get("components").get("chatwootHealth").get("details").toString()).contains("chatwoot");
	}

	private String scrape() {
		return http.raw(HttpRequest.newBuilder(URI.create(http.base() + "/actuator/prometheus")).GET())
			.expect(200)
			.body();
	}

	private static double value(String metrics, String series) {
		return metrics.lines()
			.filter(line -> line.startsWith(series + " "))
			.map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
	}

}
