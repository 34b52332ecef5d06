package com.oshun.nurture.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBudgetTests {

	private static final Instant START = Instant.parse("2026-01-05T12:00:00Z");

	private final MovingClock clock = new MovingClock();

	@Test
	void grantsTheLimitPerMinuteAndNamesWhenTheNextOneFreesUp() {
		RequestBudget budget = new RequestBudget(3, clock);

		assertThat(budget.take("conversation:42")).isEmpty();
		clock.now = START.plusSeconds(20);
		assertThat(budget.take("conversation:42")).isEmpty();
		assertThat(budget.take("conversation:42")).isEmpty();
		assertThat(budget.take("conversation:42")).contains(START.plusSeconds(60));
		assertThat(budget.take("conversation:43")).isEmpty();

		clock.now = START.plusSeconds(60);
		assertThat(budget.take("conversation:42")).isEmpty();
		assertThat(budget.take("conversation:42")).contains(START.plusSeconds(80));
	}

	private static final class MovingClock extends Clock {

		private Instant now = START;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
