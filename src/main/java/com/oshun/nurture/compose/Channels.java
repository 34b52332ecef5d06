package com.oshun.nurture.compose;

/**
 * What each channel allows in one message.
 */
public final class Channels {

	private Channels() {
	}

	/** Characters one message may have: WhatsApp 4096, Instagram 1000. */
	public static int maxLength(String channel) {
		return "instagram".equalsIgnoreCase(channel) ? 1000 : 4096;
	}

}
