package com.oshun.nurture.triggers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.oshun.nurture.delivery.ChatwootSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatwootTokenWebhookControllerTests {

	@Test
	void withoutCHATWOOT_WEBHOOK_TOKENThePathDoesNotExist() {
		for (String token : new String[] { null, "" }) {
			var controller = new ChatwootTokenWebhookController(null, settings(token), null, null);

			assertThatThrownBy(() -> controller.receive("anything",
					new MockHttpServletRequest("POST", "/webhooks/chatwoot/anything")))
				.isInstanceOf(NoResourceFoundException.class);
		}
	}

	@Test
	void aMessageCreatedIsOneDeliveryPerMessageAndOtherEventsOnePerState() {
		JsonNode created = json("{\"event\":\"message_created\",\"id\":9001,\"content\":\"hi\"}");
		byte[] updated = "{\"event\":\"message_updated\",\"id\":9001,\"status\":\"read\"}"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(ChatwootTokenWebhookController.deliveryId(null, created, new byte[0]))
			.isEqualTo("message_created:9001");
		assertThat(ChatwootTokenWebhookController.deliveryId(null, json(updated), updated))
			.isEqualTo("message_updated:9001:" + Signatures.sha256Hex(updated));
		assertThat(ChatwootTokenWebhookController.deliveryId("d-1", created, new byte[0])).isEqualTo("d-1");
		assertThat(ChatwootTokenWebhookController.deliveryId(" ", created, new byte[0]))
			.isEqualTo("message_created:9001");
	}

	@Test
	void tokensAreComparedExactly() {
		assertThat(Signatures.sameSecret("Tok-1", "Tok-1")).isTrue();
		assertThat(Signatures.sameSecret("Tok-1", "tok-1")).isFalse();
		assertThat(Signatures.sameSecret("Tok-1", "Tok-1 ")).isFalse();
		assertThat(Signatures.sameSecret("Tok-1", null)).isFalse();
		assertThat(Signatures.sameSecret(null, "Tok-1")).isFalse();
	}

	private static JsonNode json(String text) {
		return JsonMapper.builder().build().readTree(text);
	}

	private static JsonNode json(byte[] bytes) {
		return JsonMapper.builder().build().readTree(bytes);
	}

	private static ChatwootSettings settings(String token) {
		return new ChatwootSettings(null, null, null, null, null, "secret", Duration.ofSeconds(5), 2400, 90, 150,
				Duration.ofSeconds(30), Duration.ofMinutes(30), "warm-lead", "warm_lead", token);
	}

}
