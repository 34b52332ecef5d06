package com.oshun.nurture.simulation;

import com.oshun.nurture.IntegrationTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The simulation runs the real engine on the simulated clock and, for a fixed seed,
 * prints the same funnel and timelines every time.
 */
class SimulationIntegrationTests extends IntegrationTest {

	@Autowired
	Simulation simulation;

	@Autowired
	SimulationReport report;

	@Test
	void aFixedSeedPrintsTheSameFunnelTwice() {
		SimulationOptions options = SimulationOptions.parse("--contacts", "12", "--days", "40", "--model", "clinic",
				"--reply-rate", "0.4", "--message-effect", "0.25", "--stop-rate", "0.1", "--seed", "42");
		String first = run(options);
		resetWorld();
		String second = run(options);

		assertThat(second).isEqualTo(first);
		assertThat(first).contains("sequence / step").contains("no_show").contains("warm_lead");
		assertThat(enrolled()).isPositive();
		assertThat(jdbc.sql("select count(*) from nurture_step_runs where status = 'sent'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void anotherSeedGivesAnotherRun() {
		String first = run(SimulationOptions.parse("--contacts", "12", "--days", "40", "--seed", "1"));
		resetWorld();
		String second = run(SimulationOptions.parse("--contacts", "12", "--days", "40", "--seed", "2"));
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void writesASelfContainedHtmlReport(@TempDir Path dir) throws Exception {
		Simulation.Period period = simulation
			.run(SimulationOptions.parse("--contacts", "6", "--days", "30", "--seed", "3"));
		Path file = dir.resolve("report.html");
		report.writeHtml(file, "heading", report.funnel(period), report.samples());
		String html = Files.readString(file);
		assertThat(html).startsWith("<!doctype html>").contains("<svg").contains("Funnel").doesNotContain("<script");
	}

	@Test
	void rejectsBadOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> SimulationOptions.parse("--reply-rate", "2"))
			.withMessageContaining("--reply-rate");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulationOptions.parse("--contacts"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulationOptions.parse("--colour", "red"))
			.withMessageContaining("unknown option");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulationOptions.parse("--message-effect", "0.1"))
			.withMessageContaining("--message-effect")
			.withMessageContaining("--model clinic");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulationOptions.parse("--model", "magic"))
			.withMessageContaining("--model");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulationOptions.parse("--holdout", "60"))
			.withMessageContaining("--holdout");
	}

	private String run(SimulationOptions options) {
		Simulation.Period period = simulation.run(options);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		report.printFunnel(out, report.funnel(period));
		report.printSamples(out, report.samples());
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private long enrolled() {
		return jdbc.sql("select count(*) from nurture_enrollments").query(Long.class).single();
	}

}
