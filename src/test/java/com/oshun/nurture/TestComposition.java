package com.oshun.nurture;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.oshun.nurture.compose.GuardedComposer;
import com.oshun.nurture.compose.MessageComposer;
import com.oshun.nurture.compose.MessageContext;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real composer behind a gate a test can close, to hold a step between "sending" and
 * "sent" while something else happens (a booking, a crash); it remembers the contexts it
 * composed.
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
			gate.composed.add(context);
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

		private final java.util.Queue<MessageContext> composed = new java.util.concurrent.ConcurrentLinkedQueue<>();

		/** The contexts composed since {@link #forget()}, in order. */
		public java.util.List<MessageContext> composed() {
			return java.util.List.copyOf(composed);
		}

		public void forget() {
			composed.clear();
		}

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
