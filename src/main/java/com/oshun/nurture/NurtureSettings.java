package com.oshun.nurture;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything configured under {@code nurture:}; defaults live in {@code application.yml}.
 */
@ConfigurationProperties("nurture")
public record NurtureSettings(Path dataDir, String clock, String clockStart, String adminToken, Webhooks webhooks,
		QuietHours quietHours, Duration frequencyCap, Duration warmLeadQuietPeriod, Duration checksInterval,
		Map<String, Integer> rebookWindowDays, Drip drip, Scheduler scheduler, Booking booking) {

	public boolean simulatedClock() {
		return "simulated".equalsIgnoreCase(clock);
	}

	/** Rebook window for a procedure, falling back to the {@code default} entry. */
	public int rebookWindowDays(String procedure) {
		Integer days = (procedure != null) ? rebookWindowDays.get(procedure.toLowerCase()) : null;
		return (days != null) ? days : rebookWindowDays.getOrDefault("default", 90);
	}

	public record Webhooks(String bookingSecret, String calcomSecret, String calendlySigningKey, int maxBodyBytes,
			Duration tolerance) {
	}

	/**
	 * Cal.com and Calendly: how long after an appointment's end it counts as a visit
	 * (unless a no-show arrives first), and which event types name which procedure.
	 */
	public record Booking(Duration completionGrace, Map<String, String> procedures) {

		public Booking {
			procedures = (procedures != null) ? Map.copyOf(procedures) : Map.of();
		}

	}

	/**
	 * Days as written in the contract ({@code MON}, {@code TUE}, ...) or in full
	 * ({@code MONDAY}).
	 */
	public record QuietHours(LocalTime start, LocalTime end, List<String> days) {

		public Set<DayOfWeek> daysOfWeek() {
			return days.stream()
				.map(QuietHours::day)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
		}

		private static DayOfWeek day(String text) {
			String upper = text.trim().toUpperCase();
			return Arrays.stream(DayOfWeek.values())
				.filter(day -> day.name().equals(upper) || day.name().startsWith(upper) && upper.length() == 3)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("nurture.quiet-hours.days: unknown day " + text));
		}

	}

	public record Drip(int months) {
	}

	/**
	 * The step engine: {@code threads} compose and deliver at once, {@code workers}
	 * batches of up to {@code batchSize} steps are claimed and recorded at once, idle
	 * workers look for due steps every {@code pollingInterval}, and a node renews the
	 * leases of the steps it works on every {@code heartbeatInterval}.
	 */
	public record Scheduler(int threads, Duration pollingInterval, Duration heartbeatInterval, int batchSize,
			int workers) {

		/**
		 * How long a claimed step stays with its node without a renewal: a dead node's
		 * steps are claimed again after this.
		 */
		public Duration lease() {
			return heartbeatInterval.multipliedBy(6);
		}

	}

}
