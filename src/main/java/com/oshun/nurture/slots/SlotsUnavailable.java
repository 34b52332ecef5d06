package com.oshun.nurture.slots;

/**
 * A slots source could not answer (timeout, 401, 429, 5xx, an answer of another shape);
 * the message says the reason and the step goes with today's wording.
 */
class SlotsUnavailable extends RuntimeException {

	SlotsUnavailable(String reason) {
		super(reason, null, false, false);
	}

}
