package com.oshun.nurture.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.web.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports")
class ReportsController {

	private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

	private final FunnelReport funnel;

	private final VariantFunnel variants;

	private final Overview overview;

	private final Clock clock;

	ReportsController(FunnelReport funnel, VariantFunnel variants, Overview overview, Clock clock) {
		this.funnel = funnel;
		this.variants = variants;
		this.overview = overview;
		this.clock = clock;
	}

	@GetMapping("/funnel")
	@Operation(summary = "Per sequence and step: enrolled, messaged, replied, booked, opted out, moved to the drip, "
			+ "and rates, for the enrollments started in [from, to) (default the last 90 days); per sequence and "
			+ "overall, the lift: booked rate of each holdout arm, their difference with a 95% interval, a verdict; "
			+ "per step, the sends as free text (freeText) and as a template (template), and of the templates "
			+ "those of Meta's utility and marketing category as stored when each was sent (templateUtility, "
			+ "templateMarketing); per step under test, its variants: reply and booked rates with intervals, "
			+ "each against the first")
	Map<String, Object> funnel(@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		Instant end = (to != null) ? instant("to", to, true) : clock.instant();
		Instant start = (from != null) ? instant("from", from, false) : end.minus(DEFAULT_PERIOD);
		if (!start.isBefore(end)) {
			throw new InvalidInput("from", "from must be before to");
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("from", start);
		answer.put("to", end);
		FunnelReport.Funnel report = funnel.funnel(start, end);
		Map<String, Map<Integer, List<VariantFunnel.VariantRow>>> tested = variants.between(start, end);
		answer.put("sequences",
				report.sequences()
					.stream()
					.map(row -> view(row, tested.getOrDefault(row.sequence(), Map.of())))
					.toList());
		answer.put("lift", report.overall().view());
		answer.put("variantsMethod", VariantFunnel.METHOD);
		return answer;
	}

	@GetMapping("/upcoming")
	@Operation(summary = "Steps scheduled for the rest of today (UTC) and the next 7 days, and their count")
	Map<String, Object> upcoming(@RequestParam(name = "limit", defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new InvalidInput("limit", "limit must be from 1 to 500");
		}
		Instant now = clock.instant();
		Instant endOfDay = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
		Instant endOfWeek = now.plus(Duration.ofDays(7));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("now", now);
		answer.put("today", overview.scheduledBetween(now, endOfDay));
		answer.put("week", overview.scheduledBetween(now, endOfWeek));
		answer.put("steps", overview.upcoming(now, endOfWeek, limit));
		return answer;
	}

	@GetMapping("/enrollments")
	@Operation(summary = "Live enrollments (active and paused) per sequence")
	Map<String, List<Map<String, Object>>> enrollments() {
		return Map.of("sequences", overview.liveBySequence());
	}

	private Map<String, Object> view(FunnelReport.SequenceRow row,
			Map<Integer, List<VariantFunnel.VariantRow>> tested) {
		Map<String, Object> view = counts(row.counts());
		view.put("sequence", row.sequence());
		view.put("lift", row.lift().view());
		view.put("steps", row.steps().stream().map(step -> {
			Map<String, Object> s = counts(step.counts());
			s.put("stepNo", step.stepNo());
			s.put("objective", step.objective());
			s.put("skipped", step.skipped());
			s.put("failed", step.failed());
			s.put("cancelled", step.cancelled());
			s.put("freeText", step.freeText());
			s.put("template", step.template());
			s.put("templateUtility", step.templateUtility());
			s.put("templateMarketing", step.templateMarketing());
			s.put("variants",
					VariantFunnel.view(step.tested() ? tested.getOrDefault(step.stepNo(), List.of()) : List.of()));
			return s;
		}).toList());
		return view;
	}

	private static Map<String, Object> counts(FunnelReport.Counts c) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("enrolled", c.enrolled());
		view.put("messaged", c.messaged());
		view.put("replied", c.replied());
		view.put("booked", c.booked());
		view.put("optedOut", c.optedOut());
		view.put("movedToDrip", c.movedToDrip());
		view.put("rates", c.rates());
		return view;
	}

	/**
	 * An ISO instant, or an ISO date (its start; for {@code to}, the end of that day).
	 */
	private static Instant instant(String field, String text, boolean endOfDay) {
		try {
			if (text.length() == 10) {
				LocalDate date = LocalDate.parse(text);
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(field, field + " must be an ISO-8601 instant or date");
		}
	}

}
