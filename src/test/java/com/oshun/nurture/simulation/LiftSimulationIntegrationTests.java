package com.oshun.nurture.simulation;

import com.oshun.nurture.IntegrationTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.oshun.nurture.admin.FunnelReport;
import com.oshun.nurture.admin.Lift;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lift the funnel measures is the lift the contacts were given: 2,000 no-shows, half
 * held out, who book on their own at 15 % within 30 days and at 3 % per message, through
 * the real engine; the known effect lies inside the funnel's 95 % interval.
 */
class LiftSimulationIntegrationTests extends IntegrationTest {

	@Autowired
	Simulation simulation;

	@Autowired
	SimulationReport report;

	@Autowired
	SimulationSequences sequences;

	@AfterEach
	void holdNothingOutAgain() {
		sequences.prepare(SimulationOptions.parse("--holdout", "0"));
	}

	@Test
	void aSeededRunOf2000NoShowsRecoversItsKnownEffectWithinTheInterval() {
		SimulationOptions options = SimulationOptions.parse("--contacts", "2000", "--days", "46", "--triggers",
				"no-show", "--holdout", "50", "--model", "clinic", "--baseline-rebook", "0.15", "--baseline-days", "30",
				"--message-effect", "0.03", "--drip-effect", "0", "--reply-rate", "0", "--stop-rate", "0", "--seed",
				"7");
		Behaviour behaviour = options.behaviour();
		double known = behaviour.expectedLiftPoints(4);
		sequences.prepare(options);

		Simulation.Period period = simulation.run(options);
		FunnelReport.Funnel funnel = report.withLift(period);

		Lift noShow = funnel.sequences()
			.stream()
			.filter(row -> row.sequence().equals("no_show"))
			.findFirst()
			.orElseThrow()
			.lift();
		assertThat(known).isBetween(9.7, 9.8);
		assertThat(noShow.treatmentEnrolled() + noShow.controlEnrolled()).isEqualTo(2000);
		assertThat(noShow.controlEnrolled()).isBetween(900L, 1100L);
		assertThat(100.0 * noShow.controlBooked() / noShow.controlEnrolled()).isBetween(12.0, 18.0);
		assertThat(noShow.interval().lower()).isLessThan(known);
		assertThat(noShow.interval().upper()).isGreaterThan(known);
		assertThat(noShow.verdict()).isEqualTo(Lift.LIKELY_HELPS);
		assertThat(funnel.overall()).isEqualTo(noShow);
		assertThat(printed(funnel)).contains("no_show").contains("likely helps").contains("95%");
	}

	private String printed(FunnelReport.Funnel funnel) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		report.printLift(new PrintStream(bytes, true, StandardCharsets.UTF_8), funnel);
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
