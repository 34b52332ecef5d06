package com.oshun.nurture.delivery;

/**
 * Delivers one message exactly once: delivering the same marker again answers the first
 * result and sends nothing.
 */
public interface MessageDelivery {

	DeliveryResult deliver(OutboundMessage message);

}
