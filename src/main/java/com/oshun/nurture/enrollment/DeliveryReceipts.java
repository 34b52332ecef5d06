package com.oshun.nurture.enrollment;

import java.time.Instant;
import java.util.Optional;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the channel says later about a message a step sent, found by the step's delivery
 * marker: the door through which the webhooks reach {@code nurture_step_runs}.
 */
@Repository
public class DeliveryReceipts {

	private final JdbcClient jdbc;

	DeliveryReceipts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The contact a delivery marker belongs to. */
	public Optional<Long> contactFor(String marker) {
		return jdbc.sql("select contact_id from nurture_step_runs where delivery_marker = :marker")
			.param("marker", marker)
			.query(Long.class)
			.optional();
	}

	/**
	 * Record what Chatwoot later said about the message carrying {@code marker}: a
	 * provider id, {@code delivered}, {@code read} or {@code failed}. Statuses only move
	 * forward, as webhooks arrive out of order; a failure turns a sent step into a failed
	 * one, because the contact never got it.
	 * @return whether a step carries the marker
	 */
	public boolean recordDeliveryStatus(String marker, String status, String providerId, String error, Instant at) {
		return jdbc
			.sql("""
					update nurture_step_runs set
					  provider_id = coalesce(:provider, provider_id),
					  delivery_status = case
					    when delivery_status = 'failed' then delivery_status
					    when cast(:status as text) is null then delivery_status
					    when :status = 'failed' then 'failed'
					    when delivery_status = 'read' then delivery_status
					    when delivery_status = 'delivered' and :status = 'sent' then delivery_status
					    else :status end,
					  delivery_error = case when :status = 'failed' then :error else delivery_error end,
					  delivered_at = case when :status in ('delivered', 'read') then coalesce(delivered_at, :at)
					                      else delivered_at end,
					  read_at = case when :status = 'read' then coalesce(read_at, :at) else read_at end,
					  status = case when :status = 'failed' and status = 'sent' then 'failed' else status end,
					  reason = case when :status = 'failed' and status = 'sent' then 'failed after sending: ' || coalesce(:error, 'unknown error')
					                else reason end,
					  updated_at = :at
					where delivery_marker = :marker
					""")
			.param("provider", providerId)
			.param("status", status)
			.param("error", error)
			.param("at", Timestamps.param(at))
			.param("marker", marker)
			.update() > 0;
	}

}
