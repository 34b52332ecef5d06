package com.oshun.nurture.preferences;

import java.time.Instant;

/**
 * A learned preference: its value, how sure we are, and how many signals it rests on.
 */
public record Preference(String key, String value, double confidence, int evidenceCount, Instant updatedAt) {
}
