package com.oshun.nurture.triggers;

import java.time.Clock;
import java.util.List;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.ContactRepository.Mark;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code markWarmLead}: a lead showed interest in a procedure. The quiet-lead check
 * enrolls them if they then go quiet.
 */
@Service
public class WarmLeads {

	private final ContactRepository contacts;

	private final TriggerLog triggers;

	private final Clock clock;

	WarmLeads(ContactRepository contacts, TriggerLog triggers, Clock clock) {
		this.contacts = contacts;
		this.triggers = triggers;
		this.clock = clock;
	}

	@Transactional
	public Contact mark(String contactKey, String procedure, List<String> interests, String source) {
		Contact contact = contacts.getByKey(contactKey);
		contacts.setProcedureInterest(contact.id(), procedure, interests);
		contacts.mark(contact.id(), Mark.WARM_LEAD, clock.instant(), "warm_lead");
		triggers.record(contact.id(), "warm_lead.marked", source, null,
				contact.optedOut() ? "marked; contact is opted out and will not be enrolled"
						: "marked; enrolls if quiet for the quiet period");
		return contacts.get(contact.id());
	}

}
