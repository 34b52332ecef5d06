package com.oshun.nurture.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The published calibration says what docs/simulation.md says it does. */
class BehaviourTests {

	@Test
	void thePublishedModelGivesTheFourNoShowMessagesATwoToFourPointLift() {
		Behaviour published = Behaviour.PUBLISHED;

		assertThat(published.baselineRebook()).isEqualTo(0.15);
		assertThat(published.baselineDays()).isEqualTo(42);
		assertThat(published.expectedLiftPoints(4)).isBetween(2.0, 4.0);
		assertThat(published.dripEffect()).isBetween(0.01, 0.02);
		assertThat(published.replyWithin24h()).isEqualTo(0.7);
	}

	@Test
	void noMessageEffectMeansNoLift() {
		Behaviour none = new Behaviour(0.15, 42, 0, 0, 0.2, 0.7, 0);

		assertThat(none.expectedLiftPoints(4)).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(none.treatmentBooked(4)).isCloseTo(0.15, org.assertj.core.api.Assertions.within(1e-9));
	}

	@Test
	void theClinicModeTakesItsOwnEffectSizes() {
		SimulationOptions options = SimulationOptions.parse("--model", "clinic", "--baseline-rebook", "0.2",
				"--message-effect", "0.02", "--reply-within-24h", "0.5");

		assertThat(options.behaviour().baselineRebook()).isEqualTo(0.2);
		assertThat(options.behaviour().messageEffect()).isEqualTo(0.02);
		assertThat(options.behaviour().replyWithin24h()).isEqualTo(0.5);
		assertThat(options.behaviour().dripEffect()).isEqualTo(Behaviour.PUBLISHED.dripEffect());
		assertThat(SimulationOptions.parse().behaviour()).isEqualTo(Behaviour.PUBLISHED);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationOptions.parse("--model", "clinic", "--baseline-days", "0"))
			.withMessageContaining("--baseline-days");
	}

}
