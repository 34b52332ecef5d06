package com.oshun.nurture.simulation;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.oshun.nurture.admin.FunnelReport;

import org.springframework.boot.CommandLineRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar nurture.jar simulate [options]}: runs {@link Simulation} on the
 * throwaway database, prints the funnel and sample timelines, and writes the HTML report
 * when {@code --report} is given.
 */
@Component
@Profile("simulate")
class SimulateCommand implements CommandLineRunner {

	private final Simulation simulation;

	private final SimulationReport report;

	private final SimulationSequences sequences;

	SimulateCommand(Simulation simulation, SimulationReport report, SimulationSequences sequences) {
		this.simulation = simulation;
		this.report = report;
		this.sequences = sequences;
	}

	@Override
	public void run(String... args) throws IOException {
		SimulationOptions options = SimulationOptions.parse(args);
		PrintStream out = System.out;
		sequences.prepare(options);
		Simulation.Period period = simulation.run(options);
		String heading = heading(options, period);
		FunnelReport.Funnel withLift = report.withLift(period);
		List<FunnelReport.SequenceRow> funnel = withLift.sequences();
		Map<String, List<String>> samples = report.samples();
		out.println(heading);
		out.println("=".repeat(78));
		report.printFunnel(out, funnel);
		report.printLift(out, withLift);
		report.printSamples(out, samples);
		if (options.report() != null) {
			report.writeHtml(options.report(), heading, funnel, samples);
			out.println();
			out.println("Report written to " + options.report());
		}
	}

	static String heading(SimulationOptions options, Simulation.Period period) {
		Behaviour b = options.behaviour();
		return String.format(Locale.ROOT,
				"Nurture simulation: %d contacts (%s) over %d days from %s, %s model (own rebooking %.3f in %d days, "
						+ "per message %.4f, per drip message %.4f, reply %.2f, %.0f%% within 24 h, STOP %.3f), "
						+ "holdout %s, seed %d",
				options.contacts(), options.triggers(), options.days(), period.start(), options.model(),
				b.baselineRebook(), b.baselineDays(), b.messageEffect(), b.dripEffect(), b.replyRate(),
				100 * b.replyWithin24h(), b.stopRate(),
				(options.holdout() != null) ? options.holdout() + "%" : "as the sequences say", options.seed());
	}

}
