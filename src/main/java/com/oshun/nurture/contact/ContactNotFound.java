package com.oshun.nurture.contact;

import com.oshun.nurture.web.NotFound;

/**
 * No contact has this key.
 */
public class ContactNotFound extends NotFound {

	public ContactNotFound(String key) {
		super("no contact " + key);
	}

}
