package com.oshun.nurture.compose;

import java.util.Map;

import com.oshun.nurture.contact.Contact;

import org.springframework.stereotype.Component;

/**
 * The deterministic composer: a message per objective in the contact's language (English,
 * Spanish, Portuguese), personalised with their name and the procedure they asked about
 * or had.
 */
@Component
public class BuiltInComposer implements MessageComposer {

	static final String NAME = "built-in";

	@Override
	public ComposedMessage compose(MessageRequest request) {
		Contact contact = request.contact();
		String language = contact.language();
		Map<String, String> phrases = BuiltInPhrases.forLanguage(language);
		String template = phrases.getOrDefault(request.objective(), phrases.get("drip"));
		String name = (contact.firstName() != null) ? contact.firstName() : phrases.get("_there");
		String procedure = procedure(contact, phrases);
		String text = template.replace("{name}", name).replace("{procedure}", procedure);
		return new ComposedMessage(text, NAME);
	}

	private static String procedure(Contact contact, Map<String, String> phrases) {
		String procedure = (contact.procedureInterest() != null) ? contact.procedureInterest()
				: contact.carePlanProcedure();
		return (procedure != null && !procedure.isBlank()) ? procedure : phrases.get("_treatment");
	}

}
