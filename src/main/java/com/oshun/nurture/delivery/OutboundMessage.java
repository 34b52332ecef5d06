package com.oshun.nurture.delivery;

/**
 * A message to deliver. The marker identifies it wherever it lands, so a retry after a
 * crash can tell whether it already went out.
 *
 * @param objective the step's objective, which chooses a WhatsApp template
 * @param attempt 1 for the first try; more means an earlier try may have reached the
 * channel, so the delivery looks for the marker before sending
 */
public record OutboundMessage(long contactId, String channel, String content, String marker, String objective,
		int attempt) {
}
