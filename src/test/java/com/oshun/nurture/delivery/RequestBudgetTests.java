package com.oshun.nurture.delivery;

import java.time.Instant;

import com.oshun.nurture.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBudgetTests {

	private static final Instant START = Instant.parse("2026-01-05T12:00:00Z");

	private final MovableClock clock = new MovableClock(START);

	@Test
	void grantsTheLimitPerMinuteAndNamesWhenTheNextOneFreesUp() {
		RequestBudget budget = new RequestBudget(3, clock);

		assertThat(budget.take("conversation:42")).isEmpty();
		clock.set(START.plusSeconds(20));
		assertThat(budget.take("conversation:42")).isEmpty();
		assertThat(budget.take("conversation:42")).isEmpty();
		assertThat(budget.take("conversation:42")).contains(START.plusSeconds(60));
		assertThat(budget.take("conversation:43")).isEmpty();

		clock.set(START.plusSeconds(60));
		assertThat(budget.take("conversation:42")).isEmpty();
		assertThat(budget.take("conversation:42")).contains(START.plusSeconds(80));
	}

}
