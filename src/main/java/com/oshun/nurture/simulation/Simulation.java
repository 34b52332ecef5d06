package com.oshun.nurture.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
 * Synthetic contacts meet the real triggers on the simulated clock, and after each
 * message they receive may reply, book or say STOP through the real services. Every draw
 * comes from one {@link Random} seeded by the options, in contact and step order, so a
 * seed always gives the same run.
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

	/** One synthetic contact: who, which trigger, on which day. */
	record Synthetic(String key, String name, String timezone, String locale, String procedure, String trigger,
			int day) {

		ContactDetails details() {
			return new ContactDetails(name, null, key + "@example.com", timezone, locale, "whatsapp", null, procedure,
					null, true);
		}

	}

	/** Run the clinic from the clock's now; answers the simulated period. */
	public Period run(SimulationOptions options) {
		Random random = new Random(options.seed());
		List<Synthetic> people = new ArrayList<>();
		for (int i = 0; i < options.contacts(); i++) {
			String[] person = PEOPLE[random.nextInt(PEOPLE.length)];
			double kind = random.nextDouble();
			String trigger = (kind < 0.5) ? "warmLead" : (kind < 0.8) ? "noShow" : "carePlanCompleted";
			people.add(new Synthetic(String.format("sim-%05d", i), person[0] + " " + String.format("Sim%05d", i),
					person[1], person[2], PROCEDURES[random.nextInt(PROCEDURES.length)], trigger,
					random.nextInt(Math.max(1, options.days() / 3))));
		}
		Instant start = now.instant();
		Instant previous = start;
		for (int day = 0; day < options.days(); day++) {
			Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(3));
			clock.advanceTo(at);
			for (Synthetic person : people) {
				if (person.day() == day) {
					trigger(person, day);
				}
			}
			behave(random, options, people, previous, at);
			previous = at;
		}
		Instant end = start.plus(Duration.ofDays(options.days()));
		clock.advanceTo(end);
		return new Period(start, end);
	}

	/** The simulated period. */
	public record Period(Instant start, Instant end) {
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

	/** Each message sent since the last look may draw a STOP, a reply or a booking. */
	private void behave(Random random, SimulationOptions options, List<Synthetic> people, Instant from, Instant to) {
		List<Long> receivers = jdbc.sql("""
				select contact_id from nurture_step_runs
				where status = 'sent' and sent_at > :from and sent_at <= :to order by contact_id, sent_at, step_no
				""").param("from", Timestamps.param(from)).param("to", Timestamps.param(to)).query(Long.class).list();
		for (long contactId : receivers) {
			Contact contact = contacts.get(contactId);
			Synthetic person = people.get(Integer.parseInt(contact.externalId().substring(4)));
			double stop = random.nextDouble();
			double reply = random.nextDouble();
			double book = random.nextDouble();
			String text = REPLIES[random.nextInt(REPLIES.length)];
			if (stop < options.stopRate()) {
				inbound(contactId, "STOP", to);
			}
			else if (book < options.bookingRate()) {
				bookings.apply("simulation",
						new BookingEvent("sim-book-" + contactId + "-" + to.getEpochSecond(), Type.CREATED, null,
								new BookingEvent.Booking("bk-new-" + contactId + "-" + to.getEpochSecond(), null,
										"Consultation", contact.procedureInterest()),
								contact.externalId(), person.details(), null));
			}
			else if (reply < options.replyRate()) {
				inbound(contactId, text, to);
			}
		}
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
