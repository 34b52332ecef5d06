package com.oshun.nurture.enrollment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.conversation}: how long a conversation must have been quiet (no message
 * either way) before a nurture step may go, and how far past the WhatsApp window's close
 * a pending step may be pulled forward into it; how long a step waits after an agent or
 * bot wrote in the conversation, and how often a step held by an assigned or snoozed
 * conversation looks again; how long a contact's question holds the next step when no
 * person answers it ({@code question-wait}); how long a reply that asks to be written to
 * later without a date ("after my trip") snoozes the enrollment ({@code later-default}).
 */
@ConfigurationProperties("nurture.conversation")
public record ConversationSettings(Duration quietGap, Duration pullForward, Duration ownerQuiet, Duration ownerRecheck,
		Duration questionWait, Duration laterDefault) {

	public ConversationSettings {
		questionWait = (questionWait != null) ? questionWait : Duration.ofHours(4);
		laterDefault = (laterDefault != null && laterDefault.toDays() >= 1) ? laterDefault : Duration.ofDays(30);
	}

}
