package com.oshun.nurture.compose;

/**
 * Turns a step for a contact into one message.
 */
public interface MessageComposer {

	ComposedMessage compose(MessageRequest request);

}
