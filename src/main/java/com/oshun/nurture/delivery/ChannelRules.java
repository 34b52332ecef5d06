package com.oshun.nurture.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.oshun.nurture.contact.Contact;

/**
 * What may be sent in a conversation right now. WhatsApp and Instagram accept free text
 * only within 24 hours of the contact's last message in that same conversation; outside
 * it WhatsApp needs an approved template, and Chatwoot would otherwise mark the message
 * failed ("Template not found or invalid template name").
 */
final class ChannelRules {

	private ChannelRules() {
	}

	/** What to send: free text, a template, or nothing and why. */
	sealed interface Plan {

	}

	record FreeText() implements Plan {
	}

	/**
	 * An approved template: Chatwoot's {@code template_params}, and its Meta
	 * {@code category} as configured ({@code utility} or {@code marketing}).
	 */
	record Template(Map<String, Object> params, String category) implements Plan {
	}

	record Skip(String reason) implements Plan {
	}

	static boolean windowOpen(Instant lastInboundAt, Instant now) {
		return WhatsappWindow.open(lastInboundAt, now);
	}

	static Plan whatsapp(Contact contact, String objective, Instant lastInboundAt, Instant now,
			WhatsappSettings settings) {
		return whatsapp(contact, null, objective, lastInboundAt, now, settings);
	}

	/**
	 * The plan for a WhatsApp message: free text inside the window, else the objective's
	 * template, whose {@code procedure} parameter is the procedure's display name in the
	 * contact's language ({@code procedureName}) when the clinic gives one.
	 */
	static Plan whatsapp(Contact contact, String procedureName, String objective, Instant lastInboundAt, Instant now,
			WhatsappSettings settings) {
		if (windowOpen(lastInboundAt, now)) {
			return new FreeText();
		}
		WhatsappSettings.Template template = settings.templates().get(objective);
		if (template == null) {
			return new Skip("outside the WhatsApp 24 h window and no template configured for objective " + objective);
		}
		Map<String, String> body = new LinkedHashMap<>();
		for (String field : template.body()) {
			String value = ("procedure".equals(field) && procedureName != null) ? procedureName : field(contact, field);
			if (value == null || value.isBlank()) {
				return new Skip(
						"template " + template.name() + " needs " + field + ", which the contact does not have");
			}
			body.put(Integer.toString(body.size() + 1), value);
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("name", template.name());
		params.put("language", template.language());
		params.put("processed_params", Map.of("body", body));
		return new Template(params, template.category());
	}

	private static String field(Contact contact, String field) {
		return switch (field) {
			case "first_name" -> contact.firstName();
			case "name" -> contact.name();
			case "procedure" ->
				(contact.procedureInterest() != null) ? contact.procedureInterest() : contact.carePlanProcedure();
			default -> null;
		};
	}

}
