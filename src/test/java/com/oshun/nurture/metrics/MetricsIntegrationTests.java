package com.oshun.nurture.metrics;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.VendorWebhooks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} shows steps and webhooks; {@code /actuator/health} shows
 * the database, the scheduler and what each webhook endpoint answered in the last hour.
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

	@Test
	void healthIsDownWhileAConfiguredWebhookRefusesEveryDeliveryAndSaysWhich() {
		JsonNode quiet = health(200);
		assertThat(quiet.get("status").stringValue()).isEqualTo("UP");
		for (String endpoint : new String[] { "booking", "calcom", "calendly", "chatwoot" }) {
			assertThat(quiet.get(endpoint).get("configured").booleanValue()).isTrue();
			assertThat(quiet.get(endpoint).get("state").stringValue()).isEqualTo("no deliveries");
		}
		String invitee = VendorWebhooks.example("calendly_invitee_created.json");
		VendorWebhooks vendors = new VendorWebhooks(http);
		// Calendly signs with a key the clinic has since rotated
		vendors.calendly(invitee, VendorWebhooks.calendlySignature(invitee, Instant.now().getEpochSecond(), "old-key"))
			.expect(401);
		// an older Chatwoot, unsigned, at the signed path
		ChatwootWebhooks
			.send(http, ChatwootWebhooks.example("message_created.incoming_whatsapp.json"),
					Instant.now().getEpochSecond(), null, null)
			.expect(401);

		// a browser looking at the path is no delivery
		http.raw(HttpRequest.newBuilder(URI.create(http.base() + "/webhooks/booking")).GET()).expect(405);

		// the service stays UP (a forged delivery must not take it out), the component
		// warns
		assertThat(http.get("/actuator/health").expect(200).json().get("status").stringValue()).isEqualTo("UP");
		JsonNode refusing = health(200);

		assertThat(refusing.get("status").stringValue()).isEqualTo("WARNING");
		assertThat(refusing.get("calendly").get("state").stringValue()).isEqualTo("refusing every delivery");
		assertThat(refusing.get("calendly").get("refusedByStatus").toString()).isEqualTo("{\"401\":1}");
		assertThat(refusing.get("chatwoot").get("state").stringValue()).isEqualTo("refusing every delivery");
		assertThat(refusing.get("booking").get("state").stringValue()).isEqualTo("no deliveries");
		http.get("/actuator/health/liveness").expect(200);

		vendors.calendly(invitee).expect(202);
		http.raw(HttpRequest.newBuilder(URI.create(http.base() + "/webhooks/chatwoot/" + CHATWOOT_TOKEN))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(ChatwootWebhooks.example("message_created.incoming_whatsapp.json"))))
			.expect(202);

		JsonNode fixed = health(200);
		assertThat(fixed.get("status").stringValue()).isEqualTo("UP");
		assertThat(fixed.get("calendly").get("state").stringValue()).isEqualTo("accepting");
		assertThat(fixed.get("calendly").get("received").intValue()).isEqualTo(2);
		assertThat(fixed.get("chatwoot").get("accepted").intValue()).isEqualTo(1);
	}

	/** The {@code webhooks} health component, with its status among its details. */
	private JsonNode health(int status) {
		JsonNode webhooks = http.get("/actuator/health").expect(status).json().get("components").get("webhooks");
		ObjectNode details = (ObjectNode) webhooks.get("details").deepCopy();
		details.put("status", webhooks.get("status").stringValue());
		return details;
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
