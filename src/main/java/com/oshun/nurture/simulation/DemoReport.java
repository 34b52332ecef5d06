package com.oshun.nurture.simulation;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the demo prints: one line per timeline entry in the contact's local time, then a
 * summary per sequence.
 */
final class DemoReport {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE HH:mm");

	private final JdbcClient jdbc;

	DemoReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String line(Map<String, Object> entry, String timezone) {
		String at = LOCAL.format(((Instant) entry.get("at")).atZone(ZoneId.of(timezone)));
		return at + "  " + switch ((String) entry.get("kind")) {
			case "trigger" -> "trigger    " + entry.get("trigger") + ": " + entry.get("outcome");
			case "enrollment" ->
				"enrolled   " + entry.get("sequence") + " v" + entry.get("version") + " -> " + entry.get("status")
						+ ((entry.get("endReason") != null) ? " (" + entry.get("endReason") + ")" : "");
			case "step" -> "step       " + entry.get("sequence") + " #" + entry.get("stepNo") + " "
					+ entry.get("objective") + " " + entry.get("status") + detail(entry);
			case "preference" -> (Boolean.TRUE.equals(entry.get("learned")) ? "learned    " : "noticed    ")
					+ entry.get("key") + " = " + entry.get("value") + " (" + signals((int) entry.get("evidenceCount"))
					+ ", " + Math.round(100 * (double) entry.get("confidence")) + "%"
					+ (Boolean.TRUE.equals(entry.get("learned")) ? "" : ", not acted on yet") + "): "
					+ entry.get("reason");
			default -> entry.get("kind") + " " + entry.getOrDefault("content", "");
		};
	}

	private static String signals(int count) {
		return count + ((count == 1) ? " signal" : " signals");
	}

	private static String detail(Map<String, Object> entry) {
		if ("sent".equals(entry.get("status"))) {
			return " via " + entry.get("channel") + ": \"" + entry.get("content") + "\"";
		}
		return (entry.get("reason") != null) ? " (" + entry.get("reason") + ")" : "";
	}

	void printSummary(PrintStream out) {
		out.println("Per sequence");
		out.printf("  %-10s %9s %9s %9s %9s %9s %9s%n", "sequence", "enrolled", "sent", "cancelled", "completed",
				"ended", "to drip");
		jdbc.sql(
				"""
						select e.sequence_key,
						       count(distinct e.id) as enrolled,
						       count(s.*) filter (where s.status = 'sent') as sent,
						       count(s.*) filter (where s.status = 'cancelled') as cancelled,
						       count(distinct e.id) filter (where e.status = 'completed') as completed,
						       count(distinct e.id) filter (where e.status = 'ended') as ended,
						       count(distinct e.id) filter (where e.status = 'completed' and e.sequence_key <> 'drip') as to_drip
						from nurture_enrollments e left join nurture_step_runs s on s.enrollment_id = e.id
						group by e.sequence_key order by e.sequence_key
						""")
			.query((rs, n) -> String.format("  %-10s %9d %9d %9d %9d %9d %9d", rs.getString(1), rs.getLong(2),
					rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list()
			.forEach(out::println);
	}

}
