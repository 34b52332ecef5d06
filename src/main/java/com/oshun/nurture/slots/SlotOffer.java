package com.oshun.nurture.slots;

import java.util.List;

/**
 * The slots a message may offer, or none and why ({@code reason}): no source for the
 * procedure, the vendor's answer, no open time.
 */
public record SlotOffer(List<Slot> slots, String reason) {

	private static final SlotOffer NOT_ASKED = new SlotOffer(List.of(), null);

	public SlotOffer {
		slots = List.copyOf(slots);
	}

	/** Nothing asked for: the step offers no times. */
	public static SlotOffer notAsked() {
		return NOT_ASKED;
	}

	public static SlotOffer none(String reason) {
		return new SlotOffer(List.of(), reason);
	}

	public boolean offered() {
		return !slots.isEmpty();
	}

}
