package com.oshun.nurture.delivery;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test context configures Chatwoot (against WireMock), so the application's own
 * {@code messageDelivery} is the Chatwoot one. Tests that are about the engine keep the
 * dry-run outbox; Chatwoot tests opt in with {@link Switch#useChatwoot()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDeliveries {

	@Bean
	Switch deliverySwitch() {
		return new Switch();
	}

	@Bean
	@Primary
	MessageDelivery switchedDelivery(@Qualifier("messageDelivery") MessageDelivery configured, JdbcClient jdbc,
			Clock clock, Switch deliverySwitch) {
		MessageDelivery outbox = new OutboxDelivery(jdbc, clock);
		return new MessageDelivery() {
			@Override
			public DeliveryResult deliver(OutboundMessage message) {
				return current().deliver(message);
			}

			@Override
			public MessageDelivery forBatch(java.util.Collection<Long> contactIds) {
				return current().forBatch(contactIds);
			}

			private MessageDelivery current() {
				return deliverySwitch.chatwoot ? configured : outbox;
			}
		};
	}

	/** Which delivery the steps use; the outbox unless a test says otherwise. */
	public static final class Switch {

		private volatile boolean chatwoot;

		public void useChatwoot() {
			chatwoot = true;
		}

		public void useOutbox() {
			chatwoot = false;
		}

	}

}
