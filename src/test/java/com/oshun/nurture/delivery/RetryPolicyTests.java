package com.oshun.nurture.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");

	@Test
	void backsOffExponentiallyUpToTheCap() {
		RetryPolicy noJitter = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), () -> 1.0);

		assertThat(noJitter.next(1, NOW, null)).isEqualTo(NOW.plusSeconds(30));
		assertThat(noJitter.next(2, NOW, null)).isEqualTo(NOW.plusSeconds(60));
		assertThat(noJitter.next(4, NOW, null)).isEqualTo(NOW.plusSeconds(240));
		assertThat(noJitter.next(40, NOW, null)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
	}

	@Test
	void jitterSpreadsTheWaitOverItsUpperHalf() {
		RetryPolicy lowest = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), () -> 0.0);

		assertThat(lowest.next(2, NOW, null)).isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void neverComesBackBeforeTheTimeTheBudgetNamed() {
		RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), () -> 1.0);

		assertThat(policy.next(1, NOW, NOW.plusSeconds(50))).isEqualTo(NOW.plusSeconds(50));
	}

}
