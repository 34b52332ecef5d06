package com.oshun.nurture.delivery;

import java.time.Instant;

/**
 * A Chatwoot call that did not succeed: either worth retrying (429, 5xx, a timeout, our
 * own rate limit) or refused for good (401, 404, 422), with Chatwoot's own error text.
 */
class ChatwootFault extends RuntimeException {

	private final int status;

	private final boolean retryable;

	private final Instant notBefore;

	private ChatwootFault(int status, String message, boolean retryable, Instant notBefore) {
		super(message);
		this.status = status;
		this.retryable = retryable;
		this.notBefore = notBefore;
	}

	static ChatwootFault of(int status, String error) {
		boolean retryable = status == 429 || status >= 500;
		return new ChatwootFault(status, "Chatwoot " + status + ": " + error, retryable, null);
	}

	static ChatwootFault unreachable(String why) {
		return new ChatwootFault(0, "Chatwoot unreachable: " + why, true, null);
	}

	/** Our own budget is spent; the call was not made. */
	static ChatwootFault throttled(String what, Instant notBefore) {
		return new ChatwootFault(0, "held back by the " + what, true, notBefore);
	}

	int status() {
		return status;
	}

	boolean retryable() {
		return retryable;
	}

	/** The earliest time worth trying again, when known. */
	Instant notBefore() {
		return notBefore;
	}

}
