package com.oshun.nurture.slots;

import java.time.Instant;

/**
 * One open time as the calendar gave it: when it starts, and the link that books it (the
 * slot's own where the vendor has one, else the event type's booking page).
 */
public record Slot(Instant start, String link) {

}
