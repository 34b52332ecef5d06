package com.oshun.nurture;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.oshun.nurture.contact.InboundMessageReceived;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Collects the {@link InboundMessageReceived} events the application publishes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InboundEvents {

	private final List<InboundMessageReceived> received = new CopyOnWriteArrayList<>();

	@EventListener
	void on(InboundMessageReceived event) {
		received.add(event);
	}

	public List<InboundMessageReceived> received() {
		return List.copyOf(received);
	}

	void clear() {
		received.clear();
	}

}
