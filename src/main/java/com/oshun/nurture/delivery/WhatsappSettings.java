package com.oshun.nurture.delivery;

import java.util.List;
import java.util.Map;

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
	 * An approved template: its name, language and the contact fields that fill its body
	 * parameters, in order ({@code first_name}, {@code name}, {@code procedure}).
	 */
	public record Template(String name, String language, List<String> body) {

		public Template {
			body = (body != null) ? List.copyOf(body) : List.of();
		}

	}

}
