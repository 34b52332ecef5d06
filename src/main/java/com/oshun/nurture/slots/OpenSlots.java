package com.oshun.nurture.slots;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The open times a message may offer a contact: read from the booking system the clinic
 * uses for the procedure (Cal.com first, then Calendly), within {@code ahead} of the send
 * time, at least {@code min-notice} after it, one a day where the calendar allows, at
 * most {@code count}. An answer is kept for {@code cache-for}, a failure for
 * {@code failure-cache-for}, so a batch of steps asks the vendor once and a vendor that
 * is down delays no step beyond one bounded wait.
 */
@Component
public class OpenSlots {

	/** The objectives whose message offers times. */
	private static final Set<String> OFFERS_TIMES = Set.of("availability", "reschedule", "nudge", "returning_offer");

	private final List<SlotSource> sources;

	private final SlotSettings settings;

	private final Clock clock;

	private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

	@Autowired
	OpenSlots(SlotSettings settings, Clock clock) {
		this(List.of(new CalcomSlots(settings.calcom(), new SlotHttp(settings.timeout())),
				new CalendlySlots(settings.calendly(), new SlotHttp(settings.timeout()))), settings, clock);
	}

	OpenSlots(List<SlotSource> sources, SlotSettings settings, Clock clock) {
		this.sources = List.copyOf(sources);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Whether a step of this objective offers times: the booking steps, and the drip when
	 * the contact's last messages asked about time.
	 */
	public static boolean offersTimes(String objective, String lastTopic) {
		return OFFERS_TIMES.contains(objective) || ("drip".equals(objective) && "time".equals(lastTopic));
	}

	/**
	 * The slots for a contact's message about {@code procedure} sent at {@code at}, in
	 * their {@code zone}; none, and why, when no source serves the procedure, the source
	 * failed, or it has no open time.
	 */
	public SlotOffer forContact(String procedure, ZoneId zone, Instant at) {
		Optional<SlotSource> source = sources.stream().filter(candidate -> candidate.serves(procedure)).findFirst();
		if (source.isEmpty()) {
			return SlotOffer.none("no slots source configured for " + ((procedure != null) ? procedure : "the clinic"));
		}
		Instant now = clock.instant();
		Instant from = (at.isAfter(now) ? at : now).plus(settings.minNotice()).truncatedTo(ChronoUnit.MINUTES);
		Instant to = from.plus(settings.ahead());
		Key key = new Key(source.get().name(), (procedure != null) ? procedure.toLowerCase() : "", zone,
				from.truncatedTo(ChronoUnit.HOURS));
		Cached cached = cache.get(key);
		if (cached == null || !cached.until().isAfter(now)) {
			cached = fetch(source.get(), procedure, from, to, zone, now);
			cache.put(key, cached);
			cache.values().removeIf(entry -> !entry.until().isAfter(now));
		}
		if (cached.failure() != null) {
			return SlotOffer.none(cached.failure() + "; today's wording instead");
		}
		List<Slot> picked = pick(cached.slots(), from, to, zone, settings.count());
		return picked.isEmpty() ? SlotOffer.none(source.get().name() + " has no open slot in the next "
				+ settings.ahead().toDays() + " days; today's wording instead") : new SlotOffer(picked, null);
	}

	private Cached fetch(SlotSource source, String procedure, Instant from, Instant to, ZoneId zone, Instant now) {
		try {
			List<Slot> slots = source.fetch(procedure, from, to, zone);
			return new Cached(slots, null, now.plus(settings.cacheFor()));
		}
		catch (SlotsUnavailable ex) {
			return new Cached(List.of(), ex.getMessage(), now.plus(settings.failureCacheFor()));
		}
	}

	/**
	 * Up to {@code count} slots in {@code [from, to)}: the first of each local day first,
	 * so the contact gets a choice of days, then the next ones; in time order.
	 */
	static List<Slot> pick(List<Slot> slots, Instant from, Instant to, ZoneId zone, int count) {
		List<Slot> open = slots.stream()
			.filter(slot -> !slot.start().isBefore(from) && slot.start().isBefore(to))
			.sorted(Comparator.comparing(Slot::start))
			.distinct()
			.toList();
		List<Slot> picked = new ArrayList<>();
		Set<LocalDate> days = new HashSet<>();
		for (Slot slot : open) {
			if (picked.size() < count && days.add(slot.start().atZone(zone).toLocalDate())) {
				picked.add(slot);
			}
		}
		for (Slot slot : open) {
			if (picked.size() < count && !picked.contains(slot)) {
				picked.add(slot);
			}
		}
		picked.sort(Comparator.comparing(Slot::start));
		return List.copyOf(picked);
	}

	private record Key(String source, String procedure, ZoneId zone, Instant from) {
	}

	private record Cached(List<Slot> slots, String failure, Instant until) {
	}

}
