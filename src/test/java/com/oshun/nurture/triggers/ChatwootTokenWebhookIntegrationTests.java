package com.oshun.nurture.triggers;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.TestHttp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhooks/chatwoot/{token}}: Chatwoot before 4.11.2 signs nothing and sends
 * no delivery id (only {@code Content-Type} and {@code Accept}), and never retries a
 * refused delivery. With the token its deliveries are taken like signed ones, with the
 * same limits and dedupe; without it the path does not exist.
 */
class ChatwootTokenWebhookIntegrationTests extends IntegrationTest {

	private static final String INCOMING = ChatwootWebhooks.example("message_created.incoming_whatsapp.json");

	@Test
	void anUnsignedDeliveryFromAnOlderChatwootIsTakenAsASignedOneWouldBe() {
		TestHttp.Response answer = unsigned(INCOMING, CHATWOOT_TOKEN, null).expect(202);

		assertThat(answer.json().get("status").stringValue()).isEqualTo("accepted");
		assertThat(jdbc.sql("select direction || ' ' || content || ' ' || external_id from messages")
			.query(String.class)
			.single()).isEqualTo("in Hi, has my order shipped? chatwoot:9001");
		assertThat(inboundEvents.received()).hasSize(1);
	}

	@Test
	void withoutADeliveryIdAMessageIsDeduplicatedOnItsEventAndId() {
		unsigned(INCOMING, CHATWOOT_TOKEN, null).expect(202);

		TestHttp.Response replay = unsigned(INCOMING, CHATWOOT_TOKEN, null).expect(200);
		// the same message, its conversation since changed: still the one message_created
		unsigned(INCOMING.replace("\"unread_count\": 1", "\"unread_count\": 2"), CHATWOOT_TOKEN, null).expect(200);

		assertThat(replay.json().get("status").stringValue()).isEqualTo("duplicate");
		assertThat(count("select count(*) from messages")).isEqualTo(1);
		assertThat(inboundEvents.received()).hasSize(1);
		assertThat(jdbc.sql("select event_id from webhook_events").query(String.class).single())
			.isEqualTo("message_created:9001");
	}

	@Test
	void eachLaterStatusOfAMessageIsTakenAndAReplayOfOneIsNot() {
		delivery.useChatwoot();
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT4H");
		String update = ChatwootWebhooks.example("message_updated.outgoing_failed_outside_24h.json")
			.replace("ord-1001-shipped", "nurture:1/1")
			.replace(",\n    \"external_error\": \"Template not found or invalid template name\"", "")
			.replace(",\n          \"external_error\": \"Template not found or invalid template name\"", "");
		String delivered = update.replace("\"status\": \"failed\"", "\"status\": \"delivered\"");
		String read = update.replace("\"status\": \"failed\"", "\"status\": \"read\"");
		assertThat(delivered).isNotEqualTo(read);

		unsigned(delivered, CHATWOOT_TOKEN, null).expect(202);
		unsigned(read, CHATWOOT_TOKEN, null).expect(202);
		unsigned(read, CHATWOOT_TOKEN, null).expect(200);

		assertThat(jdbc.sql("select delivery_status from nurture_step_runs where step_no = 1")
			.query(String.class)
			.single()).isEqualTo("read");
		assertThat(count("select count(*) from webhook_events where event_type = 'message_updated'")).isEqualTo(2);
	}

	@Test
	void aDeliveryIdIsTheDedupeKeyWhenChatwootSendsOne() {
		unsigned(INCOMING, CHATWOOT_TOKEN, "0b3c7f1e-1d2a-4c55-9a0e-6f1f2d3c4b5a").expect(202);

		unsigned(INCOMING, CHATWOOT_TOKEN, "0b3c7f1e-1d2a-4c55-9a0e-6f1f2d3c4b5a").expect(200);

		assertThat(jdbc.sql("select event_id from webhook_events").query(String.class).single())
			.isEqualTo("0b3c7f1e-1d2a-4c55-9a0e-6f1f2d3c4b5a");
		assertThat(unsigned(INCOMING, CHATWOOT_TOKEN, "x".repeat(201)).status()).isEqualTo(400);
	}

	@Test
	void aWrongTokenGetsTheSame404AsAPathThatDoesNotExistAndChangesNothing() {
		TestHttp.Response nowhere = http.raw(request("/webhooks/nothing-here", INCOMING, null)).expect(404);

		for (String token : new String[] { "wrong", CHATWOOT_TOKEN.toLowerCase(), CHATWOOT_TOKEN + "x",
				CHATWOOT_TOKEN.substring(1) }) {
			TestHttp.Response refused = unsigned(INCOMING, token, null).expect(404);
			assertThat(refused.contentType()).isEqualTo(nowhere.contentType());
			assertThat(withoutInstance(refused.json())).isEqualTo(withoutInstance(nowhere.json()));
		}
		// not even the body limit answers before the token is checked
		assertThat(unsigned("{\"event\":\"" + "x".repeat(1_100_000) + "\"}", "wrong", null).status()).isEqualTo(404);
		assertNothingStored();
		assertThat(count("select count(*) from messages")).isZero();
	}

	@Test
	void theBodyLimitAndTheJsonChecksOfTheSignedPathApply() {
		assertThat(unsigned("{\"event\":\"" + "x".repeat(1_100_000) + "\"}", CHATWOOT_TOKEN, null).status())
			.isEqualTo(413);
		assertField(unsigned("{not json", CHATWOOT_TOKEN, null), "body");
		assertField(unsigned("{\"id\":1}", CHATWOOT_TOKEN, null), "event");
		assertNothingStored();
	}

	@Test
	void theSignedPathStillWantsItsSignature() {
		assertThat(http.raw(request("/webhooks/chatwoot", INCOMING, null)).status()).isEqualTo(401);
		assertThat(count("select count(*) from messages")).isZero();
	}

	/** As Chatwoot 4.11.1's {@code Webhooks::Trigger} posts: JSON, nothing else. */
	private TestHttp.Response unsigned(String body, String token, String deliveryId) {
		return http.raw(request("/webhooks/chatwoot/" + token, body, deliveryId));
	}

	private HttpRequest.Builder request(String path, String body, String deliveryId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (deliveryId != null) {
			request.header("X-Chatwoot-Delivery", deliveryId);
		}
		return request;
	}

	private static JsonNode withoutInstance(JsonNode problem) {
		ObjectNode copy = (ObjectNode) problem.deepCopy();
		copy.remove("instance");
		return copy;
	}

}
