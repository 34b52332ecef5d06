package com.oshun.nurture.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.oshun.nurture.scheduling.ClockAdvancer;
import com.oshun.nurture.triggers.InboxWorkers;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.RefusedTransition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clock")
@Tag(name = "clock")
class ClockController {

	private static final Duration LONGEST_ADVANCE = Duration.ofDays(3650);

	private final Clock clock;

	private final ClockAdvancer advancer;

	private final InboxWorkers inbox;

	ClockController(Clock clock, ClockAdvancer advancer, InboxWorkers inbox) {
		this.clock = clock;
		this.advancer = advancer;
		this.inbox = inbox;
	}

	@GetMapping
	Map<String, Object> now() {
		return Map.of("now", clock.instant(), "mode", advancer.simulated() ? "simulated" : "system");
	}

	@PostMapping("/advance")
	@Operation(
			summary = "Simulated clock only: move to {\"to\": instant} or by {\"by\": ISO duration}, running all work due up to then")
	Map<String, Object> advance(@RequestBody JsonNode body) {
		if (!advancer.simulated()) {
			throw new RefusedTransition("the clock is not simulated (NURTURE_CLOCK=system)");
		}
		Instant now = clock.instant();
		Instant target = JsonFields.read(body, json -> target(json, now));
		// What arrived before the clock moves is applied before it moves.
		inbox.drain();
		return Map.of("now", advancer.advanceTo(target));
	}

	private static Instant target(JsonFields json, Instant now) {
		if (json.has("by") == json.has("to")) {
			throw new InvalidInput("by", "give exactly one of by or to");
		}
		Instant target = json.has("to") ? json.instant("to") : now.plus(duration(json.text("by")));
		if (target.isBefore(now)) {
			throw new InvalidInput(json.has("to") ? "to" : "by", "the clock cannot move back");
		}
		if (Duration.between(now, target).compareTo(LONGEST_ADVANCE) > 0) {
			throw new InvalidInput(json.has("to") ? "to" : "by", "at most ten years at a time");
		}
		return target;
	}

	private static Duration duration(String text) {
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("by", "by must be an ISO-8601 duration like P1D or PT2H");
		}
	}

}
