package com.oshun.nurture.delivery;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one {@link MessageDelivery}: Chatwoot when {@code CHATWOOT_BASE_URL},
 * {@code CHATWOOT_API_TOKEN} and {@code CHATWOOT_ACCOUNT_ID} are set, else the dry-run
 * outbox.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	/** One client, so delivery and hand-offs share the account's request budget. */
	@Bean
	ChatwootClient chatwootClient(ChatwootSettings chatwoot, ObjectMapper mapper, MeterRegistry meters, Clock clock) {
		return new ChatwootClient(chatwoot, mapper, new RequestBudget(chatwoot.requestsPerMinute(), clock),
				new RequestBudget(chatwoot.searchesPerMinute(), clock), meters);
	}

	@Bean
	ChatwootAssignments chatwootAssignments(ChatwootSettings chatwoot, ChatwootClient client) {
		return new ChatwootAssignments(chatwoot, client);
	}

	@Bean
	MessageDelivery messageDelivery(ChatwootSettings chatwoot, WhatsappSettings whatsapp, ChatwootClient client,
			ChatwootRoutes routes, JdbcClient jdbc, Clock clock) {
		if (!chatwoot.configured()) {
			return new OutboxDelivery(jdbc, clock);
		}
		return new ChatwootDelivery(client, routes, chatwoot, whatsapp,
				new RequestBudget(chatwoot.conversationMessagesPerMinute(), clock),
				new RetryPolicy(chatwoot.retryBase(), chatwoot.retryMax(),
						() -> ThreadLocalRandom.current().nextDouble()),
				clock);
	}

}
