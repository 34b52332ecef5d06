package com.oshun.nurture.admin;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.sequence.StepDefinition;
import com.oshun.nurture.sequence.StepVariant;
import com.oshun.nurture.web.InvalidInput;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.ReadOnlyFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the body of {@code PUT /api/sequences/{key}} into a new version, naming the field
 * at fault ({@code steps[2].day}) when a rule of PRODUCT.md section 2 is broken: the
 * sequence's own objectives, steps in time order, the drip at least three steps at least
 * 25 days apart, a {@code holdoutPercent} from 0 to 50. The body GET answers is taken as
 * it is: its read-only fields must say what the current version says.
 */
final class SequenceInput {

	static final Map<SequenceKey, List<String>> OBJECTIVES = Map.of(SequenceKey.WARM_LEAD,
			List.of("info", "social_proof", "offer", "education", "nudge"), SequenceKey.NO_SHOW,
			List.of("reschedule", "availability", "reassure", "nudge"), SequenceKey.LAPSED,
			List.of("we_miss_you", "maintenance", "returning_offer", "check_in"), SequenceKey.DRIP, List.of("drip"));

	private static final int MAX_DAY = 3650;

	private static final int DRIP_MIN_STEPS = 3;

	private static final int DRIP_MIN_GAP_DAYS = 25;

	private SequenceInput() {
	}

	static SequenceDefinition read(SequenceKey key, JsonFields json, SequenceView current) {
		ReadOnlyFields.read(json, "key", "version", "versions", "objectives").requireAsShown(readOnly(current));
		String tone = json.text("tone");
		if (tone.length() > 200) {
			throw new InvalidInput("tone", "tone must be at most 200 characters");
		}
		LocalTime sendAt = sendAt(json.text("sendAt"));
		String description = json.optionalText("description").orElse(null);
		// A body from before holdouts keeps the current share.
		int holdoutPercent = json.optionalInt("holdoutPercent", 0, SequenceDefinition.MAX_HOLDOUT_PERCENT)
			.orElse(current.holdoutPercent());
		List<JsonFields> items = json.objects("steps");
		List<StepDefinition> steps = new ArrayList<>();
		Duration previous = null;
		for (int i = 0; i < items.size(); i++) {
			StepDefinition step = step(key, i + 1, items.get(i));
			Duration offset = offset(step);
			String timeField = items.get(i).path((step.day() != null) ? "day" : "delay");
			if (previous != null && offset.compareTo(previous) <= 0) {
				throw new InvalidInput(timeField,
						timeField + " must come after the step before it (steps in time order)");
			}
			if (key == SequenceKey.DRIP && previous != null
					&& offset.minus(previous).compareTo(Duration.ofDays(DRIP_MIN_GAP_DAYS)) < 0) {
				throw new InvalidInput(timeField,
						timeField + " must be at least " + DRIP_MIN_GAP_DAYS + " days after the drip step before it");
			}
			previous = offset;
			steps.add(step);
		}
		if (key == SequenceKey.DRIP && steps.size() < DRIP_MIN_STEPS) {
			throw new InvalidInput("steps", "the drip needs at least " + DRIP_MIN_STEPS + " steps");
		}
		return new SequenceDefinition(key, 0, tone, sendAt, description, holdoutPercent, steps);
	}

	private static JsonNode readOnly(SequenceView current) {
		ObjectNode shown = JsonNodeFactory.instance.objectNode();
		shown.put("key", current.key()).put("version", current.version());
		current.versions().forEach(shown.putArray("versions")::add);
		current.objectives().forEach(shown.putArray("objectives")::add);
		return shown;
	}

	private static StepDefinition step(SequenceKey key, int stepNo, JsonFields item) {
		ReadOnlyFields.read(item, "stepNo").requireAsShown(JsonNodeFactory.instance.objectNode().put("stepNo", stepNo));
		String objective = item.text("objective");
		if (!OBJECTIVES.get(key).contains(objective)) {
			throw new InvalidInput(item.path("objective"),
					item.path("objective") + " must be one of " + OBJECTIVES.get(key) + " for " + key);
		}
		boolean hasDay = item.has("day");
		if (hasDay == item.has("delay")) {
			throw new InvalidInput(item.path("day"), item.path("day") + " or " + item.path("delay")
					+ " is required (exactly one of them: a calendar day from 1, or a delay like PT2H)");
		}
		StepDefinition step = hasDay
				? StepDefinition.onDay(stepNo, objective, item.optionalInt("day", 1, MAX_DAY).orElseThrow())
				: StepDefinition.after(stepNo, objective, delay(item));
		return step.withVariants(variants(key, item));
	}

	/**
	 * A step's optional {@code variants}: none (absent, null or empty), or two or three,
	 * named {@code a}, {@code b}, {@code c} in order (the name may be left out), each
	 * with one of the sequence's objectives and optionally its own tone.
	 */
	private static List<StepVariant> variants(SequenceKey key, JsonFields item) {
		JsonNode given = item.given("variants");
		if (given == null || given.isNull() || (given.isArray() && given.isEmpty())) {
			return List.of();
		}
		String field = item.path("variants");
		if (given.isArray() && given.size() > StepDefinition.MAX_VARIANTS) {
			String extra = field + "[" + StepDefinition.MAX_VARIANTS + "]";
			throw new InvalidInput(extra, extra + ": a step has at most " + StepDefinition.MAX_VARIANTS + " variants");
		}
		List<JsonFields> items = item.objects("variants");
		if (items.size() < 2) {
			throw new InvalidInput(field, field + " must hold 2 or 3 variants (or none)");
		}
		List<StepVariant> variants = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonFields variant = items.get(i);
			String name = StepDefinition.VARIANT_NAMES.get(i);
			if (!variant.optionalText("name").orElse(name).equals(name)) {
				throw new InvalidInput(variant.path("name"),
						variant.path("name") + " must be \"" + name + "\" (variants are named a, b, c in order)");
			}
			String objective = variant.text("objective");
			if (!OBJECTIVES.get(key).contains(objective)) {
				throw new InvalidInput(variant.path("objective"),
						variant.path("objective") + " must be one of " + OBJECTIVES.get(key) + " for " + key);
			}
			String tone = variant.optionalText("tone").orElse(null);
			if (tone != null && tone.length() > 200) {
				throw new InvalidInput(variant.path("tone"), variant.path("tone") + " must be at most 200 characters");
			}
			variants.add(new StepVariant(name, objective, tone));
		}
		return variants;
	}

	private static Duration delay(JsonFields item) {
		String field = item.path("delay");
		Duration delay;
		try {
			delay = Duration.parse(item.text("delay"));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(field, field + " must be an ISO-8601 duration such as PT2H");
		}
		if (delay.isNegative() || delay.isZero() || delay.compareTo(Duration.ofDays(MAX_DAY)) > 0) {
			throw new InvalidInput(field, field + " must be positive and at most " + MAX_DAY + " days");
		}
		return delay;
	}

	/** Day 1 is the day of enrollment, so day {@code d} starts {@code d - 1} days in. */
	private static Duration offset(StepDefinition step) {
		return (step.day() != null) ? Duration.ofDays(step.day() - 1L) : step.delay();
	}

	/** {@code HH:mm}, as GET answers it; {@code HH:mm:00} as GET used to. */
	private static LocalTime sendAt(String text) {
		try {
			if (text.matches("\\d{2}:\\d{2}(:00)?")) {
				return LocalTime.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			// answered below
		}
		throw new InvalidInput("sendAt", "sendAt must be a local time HH:mm, such as 10:00");
	}

}
