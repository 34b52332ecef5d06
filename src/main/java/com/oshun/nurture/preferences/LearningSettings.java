package com.oshun.nurture.preferences;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.learning}: when a preference is sure enough to act on, how long a reply
 * keeps the conversation "live" (steps due inside it wait), and the least gap between two
 * drip messages.
 */
@ConfigurationProperties("nurture.learning")
public record LearningSettings(double confidenceThreshold, Duration replyPause, Duration dripMinGap) {
}
