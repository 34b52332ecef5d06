package com.oshun.nurture.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.InboundMessages;
import com.oshun.nurture.scheduling.ClockAdvancer;
import com.oshun.nurture.storage.Timestamps;
import com.oshun.nurture.triggers.BookingEvent;
import com.oshun.nurture.triggers.BookingEvent.Type;
import com.oshun.nurture.triggers.BookingEvents;
import com.oshun.nurture.triggers.WarmLeads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic contacts meet the real triggers on the simulated clock; some book again on
 * their own, messages or not, and after each message they receive they may reply, book or
 * say STOP through the real services, as {@link Behaviour} says. Every draw comes from
 * one {@link Random} seeded by the options, in contact and step order, so a seed always
 * gives the same run.
 */
@Component
public class Simulation {

	private static final String[] PROCEDURES = { "botox", "fillers", "skin" };

	private static final String[][] PEOPLE = { { "Ana", "America/Sao_Paulo", "pt-BR" },
			{ "Ben", "Europe/London", "en-GB" }, { "Carmen", "Europe/Madrid", "es-ES" },
			{ "Dani", "America/New_York", "en-US" }, { "Femi", "Africa/Lagos", "en-NG" } };

	private static final String[] REPLIES = { "Thanks! What does it cost?", "Can I come in the evening?",
			"Sounds good, I will think about it", "Obrigada, qual o valor?", "Gracias, me lo pienso" };

	private final ClockAdvancer clock;

	private final ContactRepository contacts;

	private final BookingEvents bookings;

	private final WarmLeads warmLeads;

	private final InboundMessages inbound;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	private final Clock now;

	Simulation(ClockAdvancer clock, ContactRepository contacts, BookingEvents bookings, WarmLeads warmLeads,
			InboundMessages inbound, TransactionTemplate transaction, JdbcClient jdbc, Clock now) {
		this.clock = clock;
		this.now = now;
		this.contacts = contacts;
		this.bookings = bookings;
		this.warmLeads = warmLeads;
		this.inbound = inbound;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	/**
	 * One synthetic contact: who, which trigger, on which day, and the day it books on
	 * its own (-1: it does not).
	 */
	record Synthetic(String key, String name, String timezone, String locale, String procedure, String trigger, int day,
			int ownBookingDay) {

		ContactDetails details() {
			return new ContactDetails(name, null, key + "@example.com", timezone, locale, "whatsapp", null, procedure,
					null, true);
		}

	}

	/** An answer that comes on a later day. */
	private record LaterReply(int day, long contactId, String text) {
	}

	/** Run the clinic from the clock's now; answers the simulated period. */
	public Period run(SimulationOptions options) {
		Random random = new Random(options.seed());
		Behaviour behaviour = options.behaviour();
		List<Synthetic> people = new ArrayList<>();
		for (int i = 0; i < options.contacts(); i++) {
			String[] person = PEOPLE[random.nextInt(PEOPLE.length)];
			double kind = random.nextDouble();
			String trigger = options.triggers().equals("no-show") ? "noShow"
					: (kind < 0.5) ? "warmLead" : (kind < 0.8) ? "noShow" : "carePlanCompleted";
			String procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
			int day = random.nextInt(Math.max(1, options.days() / 3));
			boolean rebooks = random.nextDouble() < behaviour.baselineRebook();
			int ownDay = day + enrollmentDelayDays(trigger) + 1 + random.nextInt(behaviour.baselineDays());
			people.add(new Synthetic(String.format("sim-%05d", i), person[0] + " " + String.format("Sim%05d", i),
					person[1], person[2], procedure, trigger, day, rebooks ? ownDay : -1));
		}
		Set<String> booked = new HashSet<>();
		List<LaterReply> later = new ArrayList<>();
		Instant start = now.instant();
		Instant previous = start;
		for (int day = 0; day < options.days(); day++) {
			Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(3));
			clock.advanceTo(at);
			for (Synthetic person : people) {
				if (person.day() == day) {
					trigger(person, day);
				}
				if (person.ownBookingDay() == day && booked.add(person.key())) {
					book(person, at, "own");
				}
			}
			int today = day;
			later.stream().filter(reply -> reply.day() == today).forEach(r -> inbound(r.contactId(), r.text(), at));
			later.removeIf(reply -> reply.day() == today);
			behave(random, behaviour, people, booked, later, day, previous, at);
			previous = at;
		}
		Instant end = start.plus(Duration.ofDays(options.days()));
		clock.advanceTo(end);
		return new Period(start, end);
	}

	/** The simulated period. */
	public record Period(Instant start, Instant end) {
	}

	/**
	 * Days from a trigger to its enrollment: a warm lead waits out its quiet period, a
	 * completed visit its 30-day rebook window.
	 */
	private static int enrollmentDelayDays(String trigger) {
		return switch (trigger) {
			case "warmLead" -> 2;
			case "carePlanCompleted" -> 30;
			default -> 0;
		};
	}

	private void trigger(Synthetic person, int day) {
		contacts.upsert(person.key(), person.details());
		BookingEvent.Booking booking = new BookingEvent.Booking("bk-" + person.key(), null, "Consultation",
				person.procedure());
		String id = "sim-" + day + "-" + person.key();
		switch (person.trigger()) {
			case "warmLead" -> warmLeads.mark(person.key(), person.procedure(), List.of(), "simulation");
			case "noShow" -> bookings.apply("simulation",
					new BookingEvent(id, Type.NO_SHOW, null, booking, person.key(), person.details(), null));
			default -> bookings.apply("simulation", new BookingEvent(id, Type.COMPLETED, null, booking, person.key(),
					person.details(), new BookingEvent.CarePlan(true, 30)));
		}
	}

	private void book(Synthetic person, Instant at, String why) {
		String id = "sim-book-" + why + "-" + person.key() + "-" + at.getEpochSecond();
		bookings.apply("simulation",
				new BookingEvent(id, Type.CREATED, null,
						new BookingEvent.Booking("bk-" + id, null, "Consultation", person.procedure()), person.key(),
						person.details(), null));
	}

	/**
	 * Each message sent since the last look may draw a STOP, a booking (at the rate of
	 * its sequence) or a reply, today or on a later day. Every draw is made whatever the
	 * outcome, so one contact's fate never shifts another's.
	 */
	private void behave(Random random, Behaviour behaviour, List<Synthetic> people, Set<String> booked,
			List<LaterReply> later, int day, Instant from, Instant to) {
		List<Received> received = jdbc.sql("""
				select r.contact_id, e.sequence_key from nurture_step_runs r
				join nurture_enrollments e on e.id = r.enrollment_id
				where r.status = 'sent' and r.sent_at > :from and r.sent_at <= :to
				order by r.contact_id, r.sent_at, r.step_no
				""")
			.param("from", Timestamps.param(from))
			.param("to", Timestamps.param(to))
			.query((rs, n) -> new Received(rs.getLong(1), rs.getString(2)))
			.list();
		for (Received message : received) {
			Contact contact = contacts.get(message.contactId());
			Synthetic person = people.get(Integer.parseInt(contact.externalId().substring(4)));
			double stop = random.nextDouble();
			double reply = random.nextDouble();
			double book = random.nextDouble();
			double soon = random.nextDouble();
			int delay = 1 + random.nextInt(3);
			String text = REPLIES[random.nextInt(REPLIES.length)];
			double effect = "drip".equals(message.sequence()) ? behaviour.dripEffect() : behaviour.messageEffect();
			if (stop < behaviour.stopRate()) {
				inbound(contact.id(), "STOP", to);
			}
			else if (book < effect && booked.add(person.key())) {
				book(person, to, "message");
			}
			else if (reply < behaviour.replyRate()) {
				if (soon < behaviour.replyWithin24h()) {
					inbound(contact.id(), text, to);
				}
				else {
					later.add(new LaterReply(day + delay, contact.id(), text));
				}
			}
		}
	}

	private record Received(long contactId, String sequence) {
	}

	/**
	 * The contact writes: through the same door as a Chatwoot message, so the same
	 * listeners (signals, reply pause, STOP) handle it. A simulation has no Chatwoot
	 * conversation, hence conversation 0.
	 */
	private void inbound(long contactId, String text, Instant at) {
		transaction.executeWithoutResult(status -> {
			inbound.receive(contactId, "whatsapp", text, null, 0, at);
		});
	}

}
