package com.oshun.nurture.delivery;

import java.util.Collection;

/**
 * Delivers one message exactly once: delivering the same marker again answers the first
 * result and sends nothing.
 */
public interface MessageDelivery {

	DeliveryResult deliver(OutboundMessage message);

	/**
	 * This delivery for a batch of messages to these contacts: what it would look up for
	 * each message (where each contact is reached) it may read once for all.
	 */
	default MessageDelivery forBatch(Collection<Long> contactIds) {
		return this;
	}

}
