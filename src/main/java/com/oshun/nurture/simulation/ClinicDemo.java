package com.oshun.nurture.simulation;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.admin.Timeline;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactDetails;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.scheduling.ClockAdvancer;
import com.oshun.nurture.triggers.BookingEvent;
import com.oshun.nurture.triggers.BookingEvent.Type;
import com.oshun.nurture.triggers.BookingEvents;
import com.oshun.nurture.triggers.WarmLeads;

import org.springframework.boot.CommandLineRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar nurture.jar demo}: six synthetic patients of a clinic meet every
 * trigger over 120 simulated days (one books mid-sequence, one never answers and reaches
 * the drip, one lapses after a care plan, one has no consent), and each one's timeline is
 * printed.
 */
@Component
@Profile("demo")
class ClinicDemo implements CommandLineRunner {

	private static final int DAYS = 120;

	private final ClockAdvancer clock;

	private final ContactRepository contacts;

	private final BookingEvents bookings;

	private final WarmLeads warmLeads;

	private final Timeline timeline;

	private final DemoReport report;

	ClinicDemo(ClockAdvancer clock, ContactRepository contacts, BookingEvents bookings, WarmLeads warmLeads,
			Timeline timeline, JdbcClient jdbc) {
		this.clock = clock;
		this.contacts = contacts;
		this.bookings = bookings;
		this.warmLeads = warmLeads;
		this.timeline = timeline;
		this.report = new DemoReport(jdbc);
	}

	/**
	 * A patient without a zone of their own is timed in their phone's, else the clinic's.
	 */
	private record Patient(String key, String name, String phone, String timezone, String locale, String procedure,
			boolean consent) {

		ContactDetails details() {
			return new ContactDetails(name, phone, key + "@example.com", timezone, locale, "whatsapp", null, procedure,
					null, consent);
		}

	}

	private record Happening(int day, Patient patient, String what) {
	}

	@Override
	public void run(String... args) {
		Patient ana = new Patient("demo-ana", "Ana Souza", "+5511987654321", null, "pt-BR", "botox", true);
		Patient ben = new Patient("demo-ben", "Ben Carter", null, "Europe/London", "en-GB", "fillers", true);
		Patient carmen = new Patient("demo-carmen", "Carmen Ruiz", null, "Europe/Madrid", "es-ES", "skin", true);
		Patient dani = new Patient("demo-dani", "Dani Park", null, "America/New_York", "en-US", "fillers", true);
		Patient eva = new Patient("demo-eva", "Eva Lima", null, null, "pt-BR", "botox", false);
		Patient femi = new Patient("demo-femi", "Femi Adeyemi", null, "Africa/Lagos", "en-NG", "botox", true);
		List<Patient> patients = List.of(ana, ben, carmen, dani, eva, femi);
		List<Happening> script = List.of(new Happening(0, ana, "noShow"), new Happening(0, ben, "warmLead"),
				new Happening(0, carmen, "carePlanCompleted"), new Happening(0, dani, "warmLead"),
				new Happening(0, eva, "warmLead"), new Happening(3, ana, "booked"), new Happening(5, dani, "booked"),
				new Happening(10, femi, "noShow"), new Happening(20, dani, "noShow"));
		patients.forEach(patient -> contacts.upsert(patient.key(), patient.details()));

		Instant start = clock.advanceTo(Instant.parse("2026-01-05T08:00:00Z"));
		for (int day = 0; day <= DAYS; day++) {
			clock.advanceTo(start.plus(Duration.ofDays(day)).plus(Duration.ofHours(3)));
			for (Happening happening : script) {
				if (happening.day() == day) {
					happen(happening, day);
				}
			}
		}
		clock.advanceTo(start.plus(Duration.ofDays(DAYS + 1)));
		print(System.out, patients);
	}

	private void happen(Happening happening, int day) {
		Patient patient = happening.patient();
		String eventId = "demo-" + day + "-" + patient.key() + "-" + happening.what();
		BookingEvent.Booking booking = new BookingEvent.Booking("bk-" + patient.key(), null, "Consultation",
				patient.procedure());
		switch (happening.what()) {
			case "warmLead" -> warmLeads.mark(patient.key(), patient.procedure(), List.of(), "demo");
			case "noShow" -> bookings.apply("demo", event(eventId, Type.NO_SHOW, booking, patient, null));
			case "booked" -> bookings.apply("demo", event(eventId, Type.CREATED, booking, patient, null));
			case "carePlanCompleted" -> bookings.apply("demo",
					event(eventId, Type.COMPLETED, booking, patient, new BookingEvent.CarePlan(true, null)));
			default -> throw new IllegalArgumentException(happening.what());
		}
	}

	private static BookingEvent event(String id, Type type, BookingEvent.Booking booking, Patient patient,
			BookingEvent.CarePlan carePlan) {
		return new BookingEvent(id, type, null, booking, patient.key(), patient.details(), carePlan);
	}

	private void print(PrintStream out, List<Patient> patients) {
		out.println("Nurture demo: a clinic's patients over " + DAYS + " simulated days");
		out.println("=".repeat(78));
		for (Patient patient : patients) {
			Contact contact = contacts.getByKey(patient.key());
			long id = contact.id();
			String zone = contact.zone().getId();
			out.println();
			out.println(patient.name() + " (" + patient.key() + ", " + patient.locale() + ", " + zone
					+ ((contact.zoneSource() != Contact.ZoneSource.CONTACT) ? " from " + contact.zoneSource().value()
							: "")
					+ ")");
			List<String> lines = new ArrayList<>();
			for (Map<String, Object> entry : timeline.of(id)) {
				// A sent step already shows its message; print only what the patient
				// said.
				if (!"message_out".equals(entry.get("kind"))) {
					lines.add(DemoReport.line(entry, zone));
				}
			}
			lines.forEach(line -> out.println("  " + line));
		}
		out.println();
		report.printSummary(out);
	}

}
