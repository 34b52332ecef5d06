package com.oshun.nurture.delivery;

import java.time.Clock;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dry run: messages go to the {@code outbox} table, where operators can read them.
 * The unique marker makes a second delivery of the same step a no-op.
 */
class OutboxDelivery implements MessageDelivery {

	private final JdbcClient jdbc;

	private final Clock clock;

	OutboxDelivery(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public DeliveryResult deliver(OutboundMessage message) {
		if (message.onlyIfSent()) {
			boolean sent = jdbc.sql("select exists (select 1 from outbox where delivery_marker = :marker)")
				.param("marker", message.marker())
				.query(Boolean.class)
				.single();
			return sent ? new DeliveryResult.Delivered(message.channel(), "outbox:" + message.marker())
					: new DeliveryResult.Skipped(OutboundMessage.NOT_SENT);
		}
		jdbc.sql("""
				insert into outbox (contact_id, channel, content, delivery_marker, created_at)
				values (:contact, :channel, :content, :marker, :now)
				on conflict (delivery_marker) do nothing
				""")
			.param("contact", message.contactId())
			.param("channel", message.channel())
			.param("content", message.content())
			.param("marker", message.marker())
			.param("now", Timestamps.param(clock.instant()))
			.update();
		return new DeliveryResult.Delivered(message.channel(), "outbox:" + message.marker());
	}

}
