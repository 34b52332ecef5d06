/**
 * Open slots from the clinic's own calendar (Cal.com API v2, Calendly): read at compose
 * time through {@link com.oshun.nurture.slots.OpenSlots}, worded in the contact's zone
 * and language ({@link com.oshun.nurture.slots.SlotWords}), remembered per step, and
 * picked by a reply ({@link com.oshun.nurture.slots.SlotPicks}).
 */
package com.oshun.nurture.slots;
