package com.oshun.nurture.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.admin.FunnelReport;
import com.oshun.nurture.admin.FunnelReport.Counts;

/**
 * {@code simulate --report FILE}: one self-contained HTML file with the funnel as an
 * inline SVG chart, the funnel table and the sample timelines.
 */
final class HtmlReport {

	private static final String[][] STAGES = { { "enrolled", "#9aa5b1" }, { "messaged", "#2680c2" },
			{ "replied", "#1f9d55" }, { "booked", "#5b47a8" }, { "opted out", "#b42318" }, { "to drip", "#e4a11b" } };

	private HtmlReport() {
	}

	static void write(Path file, String heading, List<FunnelReport.SequenceRow> rows, Map<String, List<String>> samples)
			throws IOException {
		StringBuilder html = new StringBuilder();
		html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>Nurture simulation</title><style>")
			.append("body{font:15px/1.45 system-ui,sans-serif;max-width:1000px;margin:1rem auto;padding:0 1rem;color:#1f2933}")
			.append("table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;text-align:right}")
			.append("td:first-child,th:first-child{text-align:left}pre{white-space:pre-wrap;background:#f5f7fa;padding:.75rem;border-radius:6px}")
			.append("svg{max-width:100%;height:auto}</style></head><body>");
		html.append("<h1>Nurture simulation</h1><p>").append(escape(heading)).append("</p>");
		html.append("<h2>Funnel</h2>").append(chart(rows));
		html.append("<table><tr><th>sequence / step</th><th>enrolled</th><th>messaged</th><th>replied</th>")
			.append("<th>booked</th><th>opted out</th><th>to drip</th></tr>");
		for (FunnelReport.SequenceRow row : rows) {
			html.append(tableRow("<b>" + escape(row.sequence()) + "</b>", row.counts()));
			row.steps()
				.forEach(step -> html
					.append(tableRow("&nbsp;&nbsp;" + step.stepNo() + " " + escape(step.objective()), step.counts())));
		}
		html.append("</table><h2>Sample timelines</h2>");
		samples.forEach((title, lines) -> html.append("<h3>")
			.append(escape(title))
			.append("</h3><pre>")
			.append(escape(String.join("\n", lines)))
			.append("</pre>"));
		html.append("</body></html>\n");
		Files.writeString(file, html, StandardCharsets.UTF_8);
	}

	private static String chart(List<FunnelReport.SequenceRow> rows) {
		long max = Math.max(1, rows.stream().mapToLong(row -> row.counts().enrolled()).max().orElse(1));
		int rowHeight = 16;
		int group = STAGES.length * rowHeight + 18;
		int width = 640;
		int left = 100;
		int height = rows.size() * group + 24;
		StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + width
				+ "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">");
		for (int i = 0; i < rows.size(); i++) {
			Counts c = rows.get(i).counts();
			long[] values = { c.enrolled(), c.messaged(), c.replied(), c.booked(), c.optedOut(), c.movedToDrip() };
			int y0 = i * group + 12;
			svg.append("<text x=\"0\" y=\"")
				.append(y0 + 12)
				.append("\" font-weight=\"bold\" font-size=\"12\">")
				.append(escape(rows.get(i).sequence()))
				.append("</text>");
			for (int j = 0; j < STAGES.length; j++) {
				int y = y0 + j * rowHeight;
				long w = Math.max(1, Math.round((width - left - 150) * (double) values[j] / max));
				svg.append("<rect x=\"")
					.append(left)
					.append("\" y=\"")
					.append(y)
					.append("\" width=\"")
					.append(w)
					.append("\" height=\"")
					.append(rowHeight - 3)
					.append("\" fill=\"")
					.append(STAGES[j][1])
					.append("\"/><text font-size=\"12\" x=\"")
					.append(left + w + 4)
					.append("\" y=\"")
					.append(y + 11)
					.append("\">")
					.append(values[j])
					.append(' ')
					.append(STAGES[j][0])
					.append("</text>");
			}
		}
		return svg.append("</svg>").toString();
	}

	private static String tableRow(String label, Counts c) {
		return "<tr><td>" + label + "</td><td>" + c.enrolled() + "</td><td>" + c.messaged() + "</td><td>" + c.replied()
				+ "</td><td>" + c.booked() + "</td><td>" + c.optedOut() + "</td><td>" + c.movedToDrip() + "</td></tr>";
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
