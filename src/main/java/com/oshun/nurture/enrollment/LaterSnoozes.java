package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessageReceived;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Later, to a date": a reply such as "me chama em março" or "next month" snoozes the
 * live enrollment. Its next pending step moves to that date at the hour it was due, every
 * later step by the same amount (the sequence keeps its rhythm), each with the reason and
 * the words that asked for it; the sequence resumes there.
 */
@Component
class LaterSnoozes {

	private final ContactRepository contacts;

	private final StepRunRepository steps;

	private final Clock clock;

	LaterSnoozes(ContactRepository contacts, StepRunRepository steps, Clock clock) {
		this.contacts = contacts;
		this.steps = steps;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void on(InboundMessageReceived received) {
		if (ReplyIntents.autoReply(received.content())) {
			return;
		}
		Contact contact = contacts.lock(received.contactId());
		Optional<ReplyIntents.Later> later = ReplyIntents.later(received.content(),
				received.at().atZone(contact.zone()).toLocalDate());
		Optional<StepRun> next = steps.nextPending(received.contactId());
		if (later.isEmpty() || next.isEmpty()) {
			return;
		}
		LocalDate date = later.get().date();
		ZonedDateTime due = next.get().dueAt().atZone(contact.zone());
		Instant target = date.atTime(due.toLocalTime()).atZone(contact.zone()).toInstant();
		Duration shift = Duration.between(next.get().dueAt(), target);
		if (shift.isNegative() || shift.isZero()) {
			return;
		}
		String reason = "snoozed to " + date + ": the contact asked to be written to later (\"" + later.get().evidence()
				+ "\")";
		Instant now = clock.instant();
		for (StepRun step : steps.pending(next.get().enrollmentId())) {
			steps.reschedule(step.enrollmentId(), step.stepNo(), step.dueAt().plus(shift), reason, now);
		}
	}

}
