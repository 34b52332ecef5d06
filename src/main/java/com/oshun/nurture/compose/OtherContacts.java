package com.oshun.nurture.compose;

import java.util.List;

/**
 * Answers whether a message names someone else on the clinic's books.
 */
@FunctionalInterface
interface OtherContacts {

	/** Whether a contact other than {@code contactId} has one of these full names. */
	boolean anyNamed(long contactId, List<String> fullNames);

}
