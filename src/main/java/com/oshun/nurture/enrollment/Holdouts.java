package com.oshun.nurture.enrollment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import java.util.List;
import java.util.Map;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.enrollment.Enrollment.Arm;
import com.oshun.nurture.sequence.HoldoutSettings;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.StepPlanner.PlannedStep;
import com.oshun.nurture.sequence.StepVariant;

import org.springframework.stereotype.Component;

/**
 * Which arm of a sequence's holdout an enrollment is in, and which variant of each step
 * under test (A/B) it is sent. Each draw is a hash of the seed, the sequence and the
 * contact's external id: random across contacts, and the same for the same seed, so a run
 * can be repeated. A contact keeps the arm it had in the sequence before (sticky), even
 * when the share held out has changed since; a sequence that holds out nothing puts
 * everyone in the treatment arm. A step's variant is drawn the same way from the seed,
 * the sequence, the step and the contact, each variant equally likely, and is kept from
 * the contact's last enrollment in the sequence while the step still has it.
 */
@Component
class Holdouts {

	private final EnrollmentRepository enrollments;

	private final String seed;

	Holdouts(EnrollmentRepository enrollments, HoldoutSettings settings) {
		this.enrollments = enrollments;
		this.seed = settings.seed();
	}

	/** The arm of the contact's new enrollment in {@code definition}. */
	Arm assign(Contact contact, SequenceDefinition definition) {
		if (definition.holdoutPercent() == 0) {
			return Arm.TREATMENT;
		}
		return enrollments.lastArm(contact.id(), definition.key())
			.orElseGet(() -> draw(seed, definition.key().key(), contact.externalId(), definition.holdoutPercent()));
	}

	/**
	 * {@code planned} with the variant of each step under test drawn for the contact; a
	 * control is sent nothing, so it is drawn into none.
	 */
	List<PlannedStep> withVariants(Contact contact, SequenceDefinition definition, Arm arm, List<PlannedStep> planned) {
		if (arm == Arm.CONTROL || planned.stream().allMatch(step -> step.step().variants().isEmpty())) {
			return planned;
		}
		Map<Integer, String> before = enrollments.lastVariants(contact.id(), definition.key());
		return planned.stream().map(step -> {
			List<StepVariant> variants = step.step().variants();
			if (variants.isEmpty()) {
				return step;
			}
			String kept = before.get(step.step().stepNo());
			if (kept != null && step.step().variant(kept).isPresent()) {
				return step.withVariant(kept);
			}
			return step.withVariant(
					variants
						.get(drawVariant(seed, definition.key().key(), step.step().stepNo(), contact.externalId(),
								variants.size()))
						.name());
		}).toList();
	}

	/** The first draw of a step's variant: each of the {@code count} equally likely. */
	static int drawVariant(String seed, String sequence, int stepNo, String contactKey, int count) {
		return (int) (uniform(seed, sequence + "\u0000step " + stepNo, contactKey) * count);
	}

	/** The first draw: control with probability {@code percent} / 100. */
	static Arm draw(String seed, String sequence, String contactKey, int percent) {
		return (uniform(seed, sequence, contactKey) < percent / 100.0) ? Arm.CONTROL : Arm.TREATMENT;
	}

	/** A number in [0, 1) that only the seed, the sequence and the contact decide. */
	static double uniform(String seed, String sequence, String contactKey) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((seed + "\u0000" + sequence + "\u0000" + contactKey).getBytes(StandardCharsets.UTF_8));
			return (ByteBuffer.wrap(hash).getLong() >>> 11) * 0x1.0p-53;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
