package com.oshun.nurture.enrollment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.enrollment.Enrollment.Arm;
import com.oshun.nurture.sequence.HoldoutSettings;
import com.oshun.nurture.sequence.SequenceDefinition;

import org.springframework.stereotype.Component;

/**
 * Which arm of a sequence's holdout an enrollment is in. The draw is a hash of the seed,
 * the sequence and the contact's external id: random across contacts, and the same for
 * the same seed, so a run can be repeated. A contact keeps the arm it had in the sequence
 * before (sticky), even when the share held out has changed since; a sequence that holds
 * out nothing puts everyone in the treatment arm.
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
