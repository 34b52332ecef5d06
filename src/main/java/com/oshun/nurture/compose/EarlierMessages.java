package com.oshun.nurture.compose;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The nurture messages already sent to a contact, oldest first: what the repeat rule
 * ({@link Guardrails}) and the built-in composer compare a new message with. The step
 * table's owner (enrollment) answers it.
 */
public interface EarlierMessages {

	List<String> sentTo(long contactId);

	/** {@link #sentTo} for each of these contacts, read at once. */
	Map<Long, List<String>> sentTo(Collection<Long> contactIds);

}
