package com.oshun.nurture;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.oshun.nurture.compose.GuardedComposer;
import com.oshun.nurture.compose.MessageComposer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real composer behind a gate a test can close, to hold a step between "sending" and
 * "sent" while something else happens (a booking, a crash).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestComposition {

	@Bean
	Gate compositionGate() {
		return new Gate();
	}

	@Bean
	@Primary
	MessageComposer gatedComposer(GuardedComposer composer, Gate gate) {
		return context -> {
			gate.pass();
			return composer.compose(context);
		};
	}

	/**
	 * Open by default; {@link #close()} makes the next composition wait until
	 * {@link #open()}.
	 */
	public static final class Gate {

		private volatile CountDownLatch closed;

		private volatile CountDownLatch reached = new CountDownLatch(1);

		public void close() {
			reached = new CountDownLatch(1);
			closed = new CountDownLatch(1);
		}

		public void open() {
			CountDownLatch latch = closed;
			closed = null;
			if (latch != null) {
				latch.countDown();
			}
		}

		/** Wait until a composition is held at the gate. */
		public boolean awaitArrival() throws InterruptedException {
			return reached.await(30, TimeUnit.SECONDS);
		}

		void pass() {
			CountDownLatch latch = closed;
			reached.countDown();
			if (latch != null) {
				try {
					latch.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
