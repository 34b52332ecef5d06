package com.oshun.nurture.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

@RestController
@RequestMapping("/api/enrollments")
@Tag(name = "enrollments")
class EnrollmentsController {

	private static final List<String> STATUSES = List.of("active", "paused", "completed", "ended");

	private final EnrollmentRepository enrollments;

	private final Enroller enroller;

	EnrollmentsController(EnrollmentRepository enrollments, Enroller enroller) {
		this.enrollments = enrollments;
		this.enroller = enroller;
	}

	record EnrollmentView(long id, long contactId, String sequence, int version, String status, Instant startedAt,
			Instant pausedAt, Instant endedAt, String endReason) {

		static EnrollmentView of(Enrollment e) {
			return new EnrollmentView(e.id(), e.contactId(), e.sequence().key(), e.version(), e.status().value(),
					e.startedAt(), e.pausedAt(), e.endedAt(), e.endReason());
		}

	}

	@GetMapping
	Map<String, List<EnrollmentView>> list(@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "sequence", required = false) String sequence,
			@RequestParam(name = "limit", defaultValue = "100") int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidInput("status", "status must be one of " + STATUSES);
		}
		if (sequence != null && SequenceKey.find(sequence).isEmpty()) {
			throw new InvalidInput("sequence", "unknown sequence " + sequence);
		}
		if (limit < 1 || limit > 1000) {
			throw new InvalidInput("limit", "limit must be from 1 to 1000");
		}
		return Map.of("enrollments",
				enrollments.list(status, sequence, limit).stream().map(EnrollmentView::of).toList());
	}

	@PostMapping("/{id}/pause")
	EnrollmentView pause(@PathVariable long id) {
		return EnrollmentView.of(enroller.pause(id));
	}

	@PostMapping("/{id}/resume")
	EnrollmentView resume(@PathVariable long id) {
		return EnrollmentView.of(enroller.resume(id));
	}

	@PostMapping("/{id}/cancel")
	EnrollmentView cancel(@PathVariable long id) {
		return EnrollmentView.of(enroller.cancel(id));
	}

}
