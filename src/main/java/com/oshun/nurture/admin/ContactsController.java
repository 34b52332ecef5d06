package com.oshun.nurture.admin;

import java.util.List;
import java.util.Map;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.enrollment.EnrollmentRepository;
import com.oshun.nurture.enrollment.Replies;
import com.oshun.nurture.preferences.PreferenceRepository;
import com.oshun.nurture.triggers.WarmLeads;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contacts")
@Tag(name = "contacts")
class ContactsController {

	private final ContactRepository contacts;

	private final EnrollmentRepository enrollments;

	private final PreferenceRepository preferences;

	private final WarmLeads warmLeads;

	private final Timeline timeline;

	private final Replies replies;

	private final Phones phones;

	ContactsController(ContactRepository contacts, EnrollmentRepository enrollments, PreferenceRepository preferences,
			WarmLeads warmLeads, Timeline timeline, Replies replies, Phones phones) {
		this.contacts = contacts;
		this.enrollments = enrollments;
		this.preferences = preferences;
		this.warmLeads = warmLeads;
		this.timeline = timeline;
		this.replies = replies;
		this.phones = phones;
	}

	@PutMapping("/{externalId}")
	@Operation(summary = "Create or update a contact; absent fields keep their stored value")
	ContactView put(@PathVariable String externalId, @RequestBody JsonNode body) {
		requireKey(externalId);
		JsonFields json = object(body);
		return view(contacts.upsert(externalId, ContactDetails.read(json, phones)));
	}

	@GetMapping
	@Operation(summary = "Search by name, e-mail or phone; exact e-mail and phone matches first")
	Map<String, List<ContactView>> search(@RequestParam(name = "q", defaultValue = "") String q,
			@RequestParam(name = "limit", defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new InvalidInput("limit", "limit must be from 1 to 500");
		}
		return Map.of("contacts", contacts.search(q, limit).stream().map(this::view).toList());
	}

	@GetMapping("/{externalId}")
	ContactView get(@PathVariable String externalId) {
		return view(contacts.getByKey(externalId));
	}

	@PostMapping("/{externalId}/warm-lead")
	@Operation(summary = "markWarmLead: the contact showed interest in a procedure")
	ContactView warmLead(@PathVariable String externalId, @RequestBody JsonNode body) {
		JsonFields json = object(body);
		String procedure = json.text("procedure").toLowerCase();
		return view(warmLeads.mark(externalId, procedure, json.optionalTexts("interests").orElse(null), "admin"));
	}

	@PostMapping("/{externalId}/opt-out")
	@Operation(
			summary = "Opt the contact out of everything: live enrollment ended, nothing sent, no trigger enrolls them")
	ContactView optOut(@PathVariable String externalId) {
		Contact contact = contacts.getByKey(externalId);
		replies.optOut(contact.id(), "operator");
		return view(contacts.get(contact.id()));
	}

	@PostMapping("/{externalId}/opt-in")
	@Operation(summary = "Reverse an opt-out (the contact asked to hear from the clinic again)")
	ContactView optIn(@PathVariable String externalId) {
		Contact contact = contacts.getByKey(externalId);
		replies.optIn(contact.id());
		return view(contacts.get(contact.id()));
	}

	@GetMapping("/{externalId}/timeline")
	@Operation(summary = "Triggers, enrollments, steps, messages and preferences in time order")
	Map<String, List<Map<String, Object>>> timeline(@PathVariable String externalId) {
		return Map.of("entries", timeline.of(contacts.getByKey(externalId).id()));
	}

	private ContactView view(Contact contact) {
		return ContactView.of(contact, preferences.forContact(contact.id()),
				enrollments.findLive(contact.id()).orElse(null));
	}

	private static JsonFields object(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidInput("body", "body must be a JSON object");
		}
		return JsonFields.of(body);
	}

	private static void requireKey(String externalId) {
		if (externalId.isBlank() || externalId.length() > 200) {
			throw new InvalidInput("externalId", "externalId must be 1 to 200 characters");
		}
	}

}
