package com.oshun.nurture.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Chatwoot, bound from {@code nurture.chatwoot} (the {@code CHATWOOT_*} variables). With
 * no base URL, token or account, delivery is the dry-run outbox.
 *
 * @param requestsPerMinute our own cap on API calls; Chatwoot throttles at 3000 a minute
 * per IP
 * @param searchesPerMinute our own cap on contact searches; Chatwoot allows 100 a minute
 * per account
 * @param conversationMessagesPerMinute Chatwoot refuses more than 200 messages a minute
 * in one conversation
 * @param retryBase first wait after a 429, a 5xx or a timeout; it doubles per attempt
 * @param retryMax the longest wait between attempts
 * @param warmLeadLabel the conversation label that marks a warm lead
 * @param warmLeadAttribute the conversation custom attribute that marks a warm lead
 * @param webhookToken the secret path segment of {@code POST /webhooks/chatwoot/{token}},
 * for Chatwoot before 4.11.2, which signs nothing
 */
@ConfigurationProperties("nurture.chatwoot")
public record ChatwootSettings(String baseUrl, String apiToken, Long accountId, Long whatsappInboxId,
		Long instagramInboxId, String webhookSecret, Duration timeout, int requestsPerMinute, int searchesPerMinute,
		int conversationMessagesPerMinute, Duration retryBase, Duration retryMax, String warmLeadLabel,
		String warmLeadAttribute, String webhookToken) {

	public boolean configured() {
		return present(baseUrl) && present(apiToken) && accountId != null;
	}

	public boolean webhookConfigured() {
		return present(webhookSecret);
	}

	/** The unsigned path for Chatwoot before 4.11.2 is open. */
	public boolean webhookTokenConfigured() {
		return present(webhookToken);
	}

	String accountUrl() {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return base + "/api/v1/accounts/" + accountId;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
