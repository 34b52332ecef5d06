package com.oshun.nurture.admin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.Phones;
import com.oshun.nurture.enrollment.EnrollmentRepository;
import com.oshun.nurture.enrollment.Consent;
import com.oshun.nurture.preferences.PreferenceRepository;
import com.oshun.nurture.triggers.WarmLeads;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
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

	private final Consent consent;

	private final TransactionTemplate transaction;

	private final ObjectMapper mapper;

	private final Phones phones;

	private final ContactImport contactImport;

	ContactsController(ContactRepository contacts, EnrollmentRepository enrollments, PreferenceRepository preferences,
			WarmLeads warmLeads, Timeline timeline, Consent consent, TransactionTemplate transaction,
			ObjectMapper mapper, Phones phones, ContactImport contactImport) {
		this.contacts = contacts;
		this.enrollments = enrollments;
		this.preferences = preferences;
		this.warmLeads = warmLeads;
		this.timeline = timeline;
		this.consent = consent;
		this.transaction = transaction;
		this.mapper = mapper;
		this.phones = phones;
		this.contactImport = contactImport;
	}

	@PutMapping("/{externalId}")
	@Operation(summary = "Create or update a contact; absent fields keep their stored value. The body GET answers is "
			+ "accepted as it is: its read-only fields (status, tags, preferences, ...) must be what GET shows")
	ContactView put(@PathVariable String externalId, @RequestBody JsonNode body) {
		requireKey(externalId);
		ContactInput input = JsonFields.read(body, json -> ContactInput.read(json, phones));
		if (input.readOnly().isEmpty() && !input.zoneAsShown()) {
			return view(contacts.upsert(externalId, input.details()));
		}
		// A zone GET showed as the phone's or the clinic's stays derived unless the
		// body changed it. The read-only fields are compared with the contact as the
		// PUT leaves it (a new one included); a difference rolls the PUT back.
		return transaction.execute(status -> {
			Contact contact = contacts.upsert(externalId, input.firstWrite());
			if (input.zoneDiffers(contact.zone().getId())) {
				contact = contacts.upsert(externalId, input.details());
			}
			ContactView view = view(contact);
			input.readOnly().requireAsShown(mapper.valueToTree(view));
			return view;
		});
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "application/x-ndjson", "application/jsonl" })
	@Operation(summary = "Bulk import: CSV with a header row (columns named as PUT's fields, ',' or ';') or NDJSON "
			+ "(one PUT body with its externalId a line), streamed; each row by PUT's rules. Answers the counts and "
			+ "the first 100 rejected rows with line, field and reason. charset: the parameter, else the "
			+ "Content-Type's, else UTF-8 with a Latin-1 fallback for bytes that are not UTF-8",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
							@Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")) }))
	ContactImport.Result importContacts(HttpServletRequest request,
			@RequestParam(name = "charset", required = false) String charset) throws IOException {
		MediaType type = MediaType.parseMediaType(request.getContentType());
		ContactImport.Format format = type.isCompatibleWith(MediaType.parseMediaType("text/csv"))
				? ContactImport.Format.CSV : ContactImport.Format.NDJSON;
		String named = (charset != null) ? charset : type.getParameter("charset");
		return contactImport.run(request.getInputStream(), format, ContactImportCharsets.named(named), null);
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

	private record WarmLead(String procedure, List<String> interests) {
	}

	@PostMapping("/{externalId}/warm-lead")
	@Operation(summary = "markWarmLead: the contact showed interest in a procedure")
	ContactView warmLead(@PathVariable String externalId, @RequestBody JsonNode body) {
		WarmLead lead = JsonFields.read(body, json -> new WarmLead(json.text("procedure").toLowerCase(),
				json.optionalTexts("interests").orElse(null)));
		return view(warmLeads.mark(externalId, lead.procedure(), lead.interests(), "admin"));
	}

	@PostMapping("/{externalId}/opt-out")
	@Operation(
			summary = "Opt the contact out of everything: live enrollment ended, nothing sent, no trigger enrolls them")
	ContactView optOut(@PathVariable String externalId) {
		Contact contact = contacts.getByKey(externalId);
		consent.optOut(contact.id(), "operator");
		return view(contacts.get(contact.id()));
	}

	@PostMapping("/{externalId}/opt-in")
	@Operation(summary = "Reverse an opt-out (the contact asked to hear from the clinic again)")
	ContactView optIn(@PathVariable String externalId) {
		Contact contact = contacts.getByKey(externalId);
		consent.optIn(contact.id());
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

	private static void requireKey(String externalId) {
		ContactInput.key(externalId);
	}

}
