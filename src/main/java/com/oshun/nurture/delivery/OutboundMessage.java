package com.oshun.nurture.delivery;

/**
 * A message to deliver. The marker identifies it wherever it lands, so a retry after a
 * crash can tell whether it already went out.
 */
public record OutboundMessage(long contactId, String channel, String content, String marker) {
}
