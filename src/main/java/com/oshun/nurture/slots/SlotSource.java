package com.oshun.nurture.slots;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A booking system that answers a procedure's open times. */
interface SlotSource {

	/** {@code cal.com}, {@code calendly}. */
	String name();

	/** Whether this source is configured for the procedure (or its default). */
	boolean serves(String procedure);

	/**
	 * The open times starting in {@code [from, to)}, links worded for {@code zone}.
	 * @throws SlotsUnavailable when the vendor cannot answer
	 */
	List<Slot> fetch(String procedure, Instant from, Instant to, ZoneId zone);

}
