package com.oshun.nurture.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * WhatsApp's (and Instagram's) customer-service window: free text is accepted until 24
 * hours after the contact's last message, less a margin because Chatwoot checks the
 * window when its send job runs, a little after our call.
 */
public final class WhatsappWindow {

	static final Duration WINDOW = Duration.ofHours(24);

	static final Duration MARGIN = Duration.ofMinutes(10);

	private WhatsappWindow() {
	}

	/**
	 * The last moment free text may go after an inbound message at {@code lastInboundAt}.
	 */
	public static Instant closesAt(Instant lastInboundAt) {
		return lastInboundAt.plus(WINDOW).minus(MARGIN);
	}

	/** Whether free text may go now. */
	public static boolean open(Instant lastInboundAt, Instant now) {
		return lastInboundAt != null && now.isBefore(closesAt(lastInboundAt));
	}

}
