package com.oshun.nurture.web;

/**
 * A state transition the current state refuses ("cannot pause enrollment in state
 * ended"): the one failure answered 409. Any other {@code IllegalStateException} is a
 * fault of ours and answers 500, so a bug never passes for a conflict.
 */
public class RefusedTransition extends IllegalStateException {

	public RefusedTransition(String message) {
		super(message);
	}

}
