package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Later": a reply such as "me chama em março", "next month" or, with no date, "after my
 * trip" ({@code nurture.conversation.later-default} then) snoozes the live enrollment.
 * Its next pending step moves to that date at the hour it was due, every later step by
 * the same amount (the sequence keeps its rhythm), each with the reason and the words
 * that asked for it; the sequence resumes there. {@link ReplyDecisions} decides when.
 */
@Component
class LaterSnoozes {

	private final ContactRepository contacts;

	private final StepRunRepository steps;

	private final ConversationSettings settings;

	private final Clock clock;

	LaterSnoozes(ContactRepository contacts, StepRunRepository steps, ConversationSettings settings, Clock clock) {
		this.contacts = contacts;
		this.steps = steps;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Snooze the contact's live enrollment as {@code later} asks; answers what it did.
	 */
	@Transactional
	public String snooze(long contactId, ReplyDecision later) {
		Contact contact = contacts.lock(contactId);
		Optional<StepRun> next = steps.nextPending(contactId);
		if (later.date() == null || next.isEmpty()) {
			return "nothing pending to snooze";
		}
		LocalDate date = later.date();
		ZonedDateTime due = next.get().dueAt().atZone(contact.zone());
		Instant target = date.atTime(due.toLocalTime()).atZone(contact.zone()).toInstant();
		Duration shift = Duration.between(next.get().dueAt(), target);
		if (shift.isNegative() || shift.isZero()) {
			return "the next step is due after " + date + " already";
		}
		String when = later.undated() ? " (no date given: the default " + settings.laterDefault().toDays() + " days)"
				: "";
		String who = later.byLlm() ? " (decided by " + later.by() + ")" : "";
		String reason = "snoozed to " + date + when + ": the contact asked to be written to later (" + later.evidence()
				+ ")" + who;
		Instant now = clock.instant();
		for (StepRun step : steps.pending(next.get().enrollmentId())) {
			steps.reschedule(step.enrollmentId(), step.stepNo(), step.dueAt().plus(shift), reason, now);
		}
		return "snoozed to " + date + when;
	}

}
