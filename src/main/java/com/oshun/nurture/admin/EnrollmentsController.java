package com.oshun.nurture.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.enrollment.Enroller;
import com.oshun.nurture.enrollment.Enrollment;
import com.oshun.nurture.enrollment.EnrollmentRepository;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.web.InvalidInput;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrollments, and the operator's actions on one; each names the arm of its sequence's
 * holdout it is in ({@code treatment} or {@code control}).
 */
@RestController
@RequestMapping("/api/enrollments")
@Tag(name = "enrollments")
class EnrollmentsController {

	private static final List<String> STATUSES = List.of("active", "paused", "completed", "ended");

	private static final List<String> ARMS = List.of("treatment", "control");

	private final EnrollmentRepository enrollments;

	private final Enroller enroller;

	private final ContactRepository contacts;

	EnrollmentsController(EnrollmentRepository enrollments, Enroller enroller, ContactRepository contacts) {
		this.enrollments = enrollments;
		this.enroller = enroller;
		this.contacts = contacts;
	}

	/**
	 * An enrollment, naming its contact as every other call does: by external id (and
	 * name).
	 */
	record EnrollmentView(long id, String contactExternalId, String contactName, String sequence, int version,
			String status, String arm, Instant startedAt, Instant pausedAt, Instant endedAt, String endReason) {

		static EnrollmentView of(Enrollment e, Contact contact) {
			return new EnrollmentView(e.id(), contact.externalId(), contact.name(), e.sequence().key(), e.version(),
					e.status().value(), e.arm().value(), e.startedAt(), e.pausedAt(), e.endedAt(), e.endReason());
		}

	}

	@GetMapping
	Map<String, List<EnrollmentView>> list(@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "sequence", required = false) String sequence,
			@RequestParam(name = "arm", required = false) String arm,
			@RequestParam(name = "limit", defaultValue = "100") int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidInput("status", "status must be one of " + STATUSES);
		}
		if (sequence != null && SequenceKey.find(sequence).isEmpty()) {
			throw new InvalidInput("sequence", "unknown sequence " + sequence);
		}
		if (arm != null && !ARMS.contains(arm)) {
			throw new InvalidInput("arm", "arm must be one of " + ARMS);
		}
		if (limit < 1 || limit > 1000) {
			throw new InvalidInput("limit", "limit must be from 1 to 1000");
		}
		List<Enrollment> found = enrollments.list(status, sequence, arm, limit);
		Map<Long, Contact> byId = contacts.getAll(found.stream().map(Enrollment::contactId).distinct().toList());
		return Map.of("enrollments", found.stream().map(e -> EnrollmentView.of(e, byId.get(e.contactId()))).toList());
	}

	@PostMapping("/{id}/pause")
	EnrollmentView pause(@PathVariable long id) {
		return view(enroller.pause(id));
	}

	@PostMapping("/{id}/resume")
	EnrollmentView resume(@PathVariable long id) {
		return view(enroller.resume(id));
	}

	@PostMapping("/{id}/cancel")
	EnrollmentView cancel(@PathVariable long id) {
		return view(enroller.cancel(id));
	}

	private EnrollmentView view(Enrollment enrollment) {
		return EnrollmentView.of(enrollment, contacts.get(enrollment.contactId()));
	}

}
