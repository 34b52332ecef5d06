package com.oshun.nurture.compose;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.compose}: how much of a contact's history and knowledge a message is
 * written from.
 *
 * @param preferenceThreshold the confidence a learned preference needs to reach the
 * composer
 * @param recentMessages how many of the last messages of the conversation it sees
 * @param knowledgeItems how many clinic knowledge items it is given
 */
@ConfigurationProperties("nurture.compose")
public record ComposeSettings(double preferenceThreshold, int recentMessages, int knowledgeItems) {
}
