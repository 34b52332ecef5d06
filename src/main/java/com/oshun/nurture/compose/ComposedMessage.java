package com.oshun.nurture.compose;

/**
 * A written message and which composer wrote it.
 */
public record ComposedMessage(String text, String composer) {
}
