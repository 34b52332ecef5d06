package com.oshun.nurture.enrollment;

import com.oshun.nurture.contact.ContactRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's consent to nurture messages, as they or an operator decide it: opting out
 * ends everything at once and no trigger enrolls them again; opting in lets triggers
 * enroll them again.
 */
@Service
public class Consent {

	private final ContactRepository contacts;

	private final Enroller enroller;

	Consent(ContactRepository contacts, Enroller enroller) {
		this.contacts = contacts;
		this.enroller = enroller;
	}

	/**
	 * Opt the contact out of everything: no enrollment, no message, no trigger, until an
	 * operator reverses it.
	 */
	@Transactional
	public void optOut(long contactId, String reason) {
		contacts.setStatus(contactId, "opted_out");
		enroller.endLive(contactId, "opted out: " + reason);
	}

	@Transactional
	public void optIn(long contactId) {
		contacts.setStatus(contactId, "active");
	}

}
