package com.oshun.nurture.triggers;

import java.util.List;

import com.oshun.nurture.web.JsonFields;

/**
 * A booking system's webhook payload read as booking events, naming the field at fault
 * (400). An empty list: an event we do not act on ("ignored").
 */
interface BookingSource {

	List<BookingEvent> read(JsonFields root, byte[] body);

}
