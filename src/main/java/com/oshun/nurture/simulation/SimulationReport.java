package com.oshun.nurture.simulation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.oshun.nurture.admin.FunnelReport;
import com.oshun.nurture.admin.FunnelReport.Counts;
import com.oshun.nurture.admin.Lift;
import com.oshun.nurture.admin.Timeline;
import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a simulation prints: the funnel per sequence and step, then the timelines of a few
 * contacts chosen by outcome (the first who booked, opted out, reached the drip).
 */
@Component
public class SimulationReport {

	private final FunnelReport funnel;

	private final Timeline timeline;

	private final ContactRepository contacts;

	private final JdbcClient jdbc;

	SimulationReport(FunnelReport funnel, Timeline timeline, ContactRepository contacts, JdbcClient jdbc) {
		this.funnel = funnel;
		this.timeline = timeline;
		this.contacts = contacts;
		this.jdbc = jdbc;
	}

	public List<FunnelReport.SequenceRow> funnel(Simulation.Period period) {
		return funnel.between(period.start(), period.end());
	}

	/** The funnel with its lift per sequence and overall. */
	public FunnelReport.Funnel withLift(Simulation.Period period) {
		return funnel.funnel(period.start(), period.end());
	}

	/**
	 * Each arm's booked rate, the difference in points with its 95 % interval and the
	 * verdict, for every sequence with a control arm and for all of them together.
	 */
	public void printLift(PrintStream out, FunnelReport.Funnel report) {
		out.println();
		out.println("Lift: booked with messages (treatment) against held out (control), attribution window included");
		for (FunnelReport.SequenceRow row : report.sequences()) {
			if (row.lift().controlEnrolled() > 0) {
				out.println(lift(row.sequence(), row.lift()));
			}
		}
		out.println(lift("all", report.overall()));
	}

	static String lift(String label, Lift lift) {
		String arms = String.format(Locale.ROOT, "%-10s treatment %5d/%-5d %5.1f%%  control %5d/%-5d %s", label,
				lift.treatmentBooked(), lift.treatmentEnrolled(),
				(lift.treatmentEnrolled() == 0) ? 0.0 : 100.0 * lift.treatmentBooked() / lift.treatmentEnrolled(),
				lift.controlBooked(), lift.controlEnrolled(), (lift.controlEnrolled() == 0) ? "  -  "
						: String.format(Locale.ROOT, "%5.1f%%", 100.0 * lift.controlBooked() / lift.controlEnrolled()));
		if (lift.differencePoints() == null) {
			return arms + "  lift -: " + lift.verdict();
		}
		return arms + String.format(Locale.ROOT, "  lift %+.1f pts (95%% %+.1f to %+.1f): %s", lift.differencePoints(),
				lift.interval().lower(), lift.interval().upper(), lift.verdict());
	}

	public void printFunnel(PrintStream out, List<FunnelReport.SequenceRow> rows) {
		out.printf("%-22s %8s %8s %8s %8s %8s %8s %8s%n", "sequence / step", "enrolled", "messaged", "replied",
				"booked", "opt-out", "to drip", "booked%");
		for (FunnelReport.SequenceRow row : rows) {
			out.println(line(row.sequence(), row.counts()));
			row.steps()
				.forEach(step -> out.println(line("  " + step.stepNo() + " " + step.objective(), step.counts())));
		}
	}

	private static String line(String label, Counts c) {
		return String.format("%-22s %8d %8d %8d %8d %8d %8d %7.1f%%", label, c.enrolled(), c.messaged(), c.replied(),
				c.booked(), c.optedOut(), c.movedToDrip(), 100 * c.rates().get("booked"));
	}

	/** The sample contacts, each with its timeline lines in its own time zone. */
	public Map<String, List<String>> samples() {
		Map<String, List<String>> samples = new LinkedHashMap<>();
		sample("end_reason in ('booked', 'rescheduled')").ifPresent(c -> samples.put(title(c, "booked"), lines(c)));
		sample("end_reason like 'opted out%'").ifPresent(c -> samples.put(title(c, "opted out"), lines(c)));
		sample("sequence_key = 'drip'").ifPresent(c -> samples.put(title(c, "reached the drip"), lines(c)));
		return samples;
	}

	public void printSamples(PrintStream out, Map<String, List<String>> samples) {
		samples.forEach((title, lines) -> {
			out.println();
			out.println(title);
			lines.forEach(line -> out.println("  " + line));
		});
	}

	/** The self-contained HTML report of {@code --report}. */
	public void writeHtml(Path file, String heading, List<FunnelReport.SequenceRow> rows,
			Map<String, List<String>> samples) throws IOException {
		HtmlReport.write(file, heading, rows, samples);
	}

	private Optional<Contact> sample(String condition) {
		return jdbc
			.sql("select contact_id from nurture_enrollments where " + condition + " order by contact_id limit 1")
			.query(Long.class)
			.optional()
			.map(contacts::get);
	}

	private static String title(Contact contact, String outcome) {
		return contact.name() + " (" + contact.externalId() + ", " + contact.zone() + "): " + outcome;
	}

	private List<String> lines(Contact contact) {
		List<String> lines = new ArrayList<>();
		for (Map<String, Object> entry : timeline.of(contact.id())) {
			if (!"message_out".equals(entry.get("kind"))) {
				lines.add(DemoReport.line(entry, contact.zone().getId()));
			}
		}
		return lines;
	}

}
