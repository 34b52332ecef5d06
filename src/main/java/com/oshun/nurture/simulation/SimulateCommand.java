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

	SimulateCommand(Simulation simulation, SimulationReport report) {
		this.simulation = simulation;
		this.report = report;
	}

	@Override
	public void run(String... args) throws IOException {
		SimulationOptions options = SimulationOptions.parse(args);
		PrintStream out = System.out;
		Simulation.Period period = simulation.run(options);
		String heading = heading(options, period);
		List<FunnelReport.SequenceRow> funnel = report.funnel(period);
		Map<String, List<String>> samples = report.samples();
		out.println(heading);
		out.println("=".repeat(78));
		report.printFunnel(out, funnel);
		report.printSamples(out, samples);
		if (options.report() != null) {
			report.writeHtml(options.report(), heading, funnel, samples);
			out.println();
			out.println("Report written to " + options.report());
		}
	}

	static String heading(SimulationOptions options, Simulation.Period period) {
		return String.format(Locale.ROOT,
				"Nurture simulation: %d contacts over %d days from %s (reply %.2f, booking %.2f, STOP %.2f, seed %d)",
				options.contacts(), options.days(), period.start(), options.replyRate(), options.bookingRate(),
				options.stopRate(), options.seed());
	}

}
