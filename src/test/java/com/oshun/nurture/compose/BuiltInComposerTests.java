package com.oshun.nurture.compose;

import java.time.ZoneId;
import java.util.List;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.sequence.SequenceKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInComposerTests {

	private final BuiltInComposer composer = new BuiltInComposer();

	@Test
	void writesInTheContactsLanguageWithTheirNameAndProcedure() {
		assertThat(compose("pt-BR", "reschedule")).startsWith("Oi Ana").contains("botox");
		assertThat(compose("es-MX", "reschedule")).startsWith("Hola Ana").contains("botox");
		assertThat(compose("en-GB", "reschedule")).startsWith("Hi Ana").contains("botox");
		assertThat(compose(null, "reschedule")).startsWith("Hi Ana");
	}

	@Test
	void everyObjectiveHasItsOwnMessageInEveryLanguage() {
		List<String> objectives = List.of("info", "social_proof", "offer", "education", "nudge", "reschedule",
				"availability", "reassure", "we_miss_you", "maintenance", "returning_offer", "check_in", "drip");
		for (String locale : List.of("en", "es", "pt")) {
			assertThat(objectives.stream().map(objective -> compose(locale, objective))).doesNotHaveDuplicates()
				.allSatisfy(text -> assertThat(text).doesNotContain("{").contains("Ana"));
		}
	}

	private String compose(String locale, String objective) {
		Contact contact = new Contact(1, "c_1", "Ana Souza", "+5511999990000", null, ZoneId.of("UTC"), locale,
				"whatsapp", null, "botox", List.of(), true, "active", List.of(), null, null, null, null, null);
		return composer.compose(new MessageRequest(contact, SequenceKey.NO_SHOW, "warm", objective, 1, 4, "whatsapp"))
			.text();
	}

}
