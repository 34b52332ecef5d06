package com.oshun.nurture.triggers;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.oshun.nurture.NurtureSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which procedure a booking system's event type is for
 * ({@code nurture.booking.procedures}): a key matches when the event type's slug or name
 * contains it, ignoring case; the longest matching key wins, so {@code lip filler} beats
 * {@code filler}.
 */
@Component
class ProcedureMapping {

	private final List<Map.Entry<String, String>> entries;

	@Autowired
	ProcedureMapping(NurtureSettings settings) {
		this(settings.booking().procedures());
	}

	ProcedureMapping(Map<String, String> procedures) {
		this.entries = procedures.entrySet()
			.stream()
			.filter(entry -> !entry.getKey().isBlank() && entry.getValue() != null && !entry.getValue().isBlank())
			.map(entry -> Map.entry(entry.getKey().trim().toLowerCase(Locale.ROOT),
					entry.getValue().trim().toLowerCase(Locale.ROOT)))
			.sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length())
				.reversed()
				.thenComparing(Map.Entry::getKey))
			.toList();
	}

	/** The procedure for the first of the names that matches, or null. */
	String procedureFor(String... names) {
		for (Map.Entry<String, String> entry : entries) {
			for (String name : names) {
				if (name != null && name.toLowerCase(Locale.ROOT).contains(entry.getKey())) {
					return entry.getValue();
				}
			}
		}
		return null;
	}

}
