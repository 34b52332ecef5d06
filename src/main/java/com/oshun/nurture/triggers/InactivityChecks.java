package com.oshun.nurture.triggers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.contact.ContactRepository.Mark;
import com.oshun.nurture.enrollment.Enroller;
import com.oshun.nurture.scheduling.RecurringCheck;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recurring checks: warm leads quiet for the quiet period, and past patients whose
 * rebook window passed with no future booking. Each candidate is enrolled and its mark
 * cleared in one transaction, so a crash mid-check repeats nothing.
 */
@Configuration(proxyBeanMethods = false)
class InactivityChecks {

	private static final int BATCH = 500;

	@Bean
	RecurringCheck warmLeadCheck(JdbcClient jdbc, Checker checker, NurtureSettings settings, Clock clock) {
		return check("warm-lead-check",
				() -> jdbc.sql("""
						select id from contacts
						where warm_lead_at is not null and status = 'active'
						  and greatest(warm_lead_at, coalesce(last_inbound_at, warm_lead_at)) <= :quietSince
						order by warm_lead_at limit :batch
						""")
					.param("quietSince", Timestamps.param(clock.instant().minus(settings.warmLeadQuietPeriod())))
					.param("batch", BATCH)
					.query(Long.class)
					.list(),
				id -> checker.enroll(id, SequenceKey.WARM_LEAD, Mark.WARM_LEAD, "warm_lead.quiet"));
	}

	@Bean
	RecurringCheck lapsedCheck(JdbcClient jdbc, Checker checker, Clock clock) {
		return check("lapsed-check", () -> {
			Instant now = clock.instant();
			return jdbc.sql("""
					select c.id from contacts c
					where c.rebook_due_at is not null and c.rebook_due_at <= :now and c.status = 'active'
					  and not exists (select 1 from bookings b
					                  where b.contact_id = c.id and b.status = 'booked' and b.starts_at > :now)
					order by c.rebook_due_at limit :batch
					""").param("now", Timestamps.param(now)).param("batch", BATCH).query(Long.class).list();
		}, id -> checker.enroll(id, SequenceKey.LAPSED, Mark.REBOOK_DUE, "lapsed.window_passed"));
	}

	@Bean
	Checker checker(TransactionTemplate transaction, Enroller enroller, ContactRepository contacts,
			TriggerLog triggers) {
		return new Checker(transaction, enroller, contacts, triggers);
	}

	private static RecurringCheck check(String name, java.util.function.Supplier<List<Long>> candidates,
			java.util.function.LongConsumer enroll) {
		return new RecurringCheck() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void run() {
				List<Long> ids = candidates.get();
				while (!ids.isEmpty()) {
					ids.forEach(enroll::accept);
					ids = (ids.size() < BATCH) ? List.of() : candidates.get();
				}
			}
		};
	}

	record Checker(TransactionTemplate transaction, Enroller enroller, ContactRepository contacts,
			TriggerLog triggers) {

		void enroll(long contactId, SequenceKey sequence, Mark consumed, String kind) {
			transaction.executeWithoutResult(status -> {
				String outcome = enroller.enroll(contactId, sequence).detail();
				contacts.mark(contactId, consumed, null, null);
				triggers.record(contactId, kind, "check", null, outcome);
			});
		}

	}

}
