package com.oshun.nurture.compose;

/**
 * Writes one step's message for one person from its context; every message it answers has
 * passed the guardrails.
 */
public interface MessageComposer {

	ComposedMessage compose(MessageContext context);

}
