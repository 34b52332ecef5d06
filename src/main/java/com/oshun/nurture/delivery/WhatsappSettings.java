package com.oshun.nurture.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.whatsapp}: the approved template to send, per step objective, when the
 * 24-hour window is closed.
 */
@ConfigurationProperties("nurture.whatsapp")
public record WhatsappSettings(Map<String, Template> templates) {

	public WhatsappSettings {
		templates = (templates != null) ? Map.copyOf(templates) : Map.of();
	}

	/**
	 * The categories Meta prices a template by, that an objective's template may have.
	 */
	public static final Set<String> CATEGORIES = Set.of("utility", "marketing");

	/**
	 * An approved template: its name, language, the contact fields that fill its body
	 * parameters, in order ({@code first_name}, {@code name}, {@code procedure}), and its
	 * Meta category ({@code utility} or {@code marketing}, the default), checked at
	 * startup.
	 */
	public record Template(String name, String language, List<String> body, String category) {

		public Template {
			body = (body != null) ? List.copyOf(body) : List.of();
			category = (category != null && !category.isBlank()) ? category.strip().toLowerCase(Locale.ROOT)
					: "marketing";
			if (!CATEGORIES.contains(category)) {
				throw new IllegalArgumentException(
						"nurture.whatsapp.templates.*.category must be utility or marketing, not \"" + category + "\"");
			}
		}

	}

}
