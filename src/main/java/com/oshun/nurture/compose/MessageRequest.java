package com.oshun.nurture.compose;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.sequence.SequenceKey;

/**
 * What a composer is asked for: one step's message for one contact.
 */
public record MessageRequest(Contact contact, SequenceKey sequence, String tone, String objective, int stepNo,
		int stepCount, String channel) {
}
