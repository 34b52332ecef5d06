package com.oshun.nurture.triggers;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The contract's webhook answers: 202 accepted or ignored, 200 duplicate.
 */
final class WebhookAnswers {

	private WebhookAnswers() {
	}

	static ResponseEntity<Map<String, String>> of(BookingEvents.Result result) {
		return switch (result) {
			case ACCEPTED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "accepted"));
			case IGNORED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "ignored"));
			case DUPLICATE -> ResponseEntity.ok(Map.of("status", "duplicate"));
		};
	}

}
