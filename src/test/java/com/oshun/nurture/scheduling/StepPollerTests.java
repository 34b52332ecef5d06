package com.oshun.nurture.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.oshun.nurture.NurtureSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker loop and the lease heartbeat on the system clock: whatever a batch or a
 * renewal throws, they go on, and the log names the failure without its message.
 */
@ExtendWith(OutputCaptureExtension.class)
class StepPollerTests {

	private static final String PATIENT = "Ana Souza +5511999990000";

	@Test
	void workersAndTheHeartbeatSurviveAnyThrowableAndLogNoPatientData(CapturedOutput output) throws Exception {
		FailingSteps steps = new FailingSteps();
		StepPoller poller = new StepPoller(steps, settings(), new ClockAdvancer(Clock.systemUTC(), null, null, null));
		poller.start();
		try {
			assertThat(steps.batchesAfterFailures.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(steps.renewalsAfterFailures.await(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			poller.stop();
		}

		assertThat(output.getAll()).contains("A batch of steps failed (java.lang.OutOfMemoryError)")
			.contains("A batch of steps failed (java.lang.AssertionError)")
			.contains("(java.lang.IllegalStateException <- java.lang.NoClassDefFoundError)")
			.contains("Could not renew the leases of the steps in hand (java.lang.StackOverflowError)")
			.doesNotContain("Ana Souza")
			.doesNotContain("5511999990000");
	}

	private static NurtureSettings settings() {
		return new Binder(new MapConfigurationPropertySource(Map.of("nurture.scheduler.threads", "2",
				"nurture.scheduler.workers", "1", "nurture.scheduler.batch-size", "10",
				"nurture.scheduler.polling-interval", "PT0.01S", "nurture.scheduler.heartbeat-interval", "PT0.01S")))
			.bind("nurture", NurtureSettings.class)
			.get();
	}

	/** Throws an Error, an assertion and a wrapped Error, then finds nothing due. */
	private static final class FailingSteps implements DueSteps {

		final CountDownLatch batchesAfterFailures = new CountDownLatch(2);

		final CountDownLatch renewalsAfterFailures = new CountDownLatch(2);

		private final AtomicInteger batches = new AtomicInteger();

		private final AtomicInteger renewals = new AtomicInteger();

		@Override
		public int runBatch(int limit, Executor deliveries) {
			switch (batches.incrementAndGet()) {
				case 1 -> throw new OutOfMemoryError(PATIENT);
				case 2 -> throw new AssertionError(PATIENT);
				case 3 -> throw new IllegalStateException(PATIENT, new NoClassDefFoundError(PATIENT));
				default -> batchesAfterFailures.countDown();
			}
			return 0;
		}

		@Override
		public void renewLeases() {
			if (renewals.incrementAndGet() == 1) {
				throw new StackOverflowError(PATIENT);
			}
			renewalsAfterFailures.countDown();
		}

		@Override
		public Optional<Instant> nextDue() {
			return Optional.empty();
		}

	}

}
