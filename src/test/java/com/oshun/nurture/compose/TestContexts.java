package com.oshun.nurture.compose;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.preferences.Preference;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.sequence.StepDefinition;

import org.springframework.core.io.ClassPathResource;

/**
 * Contexts for the composer tests, built through the real {@code assemble} from the demo
 * clinic's knowledge.
 */
final class TestContexts {

	static final Instant AT = Instant.parse("2026-01-05T12:00:00Z");

	static final ComposeSettings SETTINGS = new ComposeSettings(0.6, 6, 4);

	static final List<KnowledgeItem> DEMO = numbered(
			ClinicKnowledge.read(new ClassPathResource("knowledge/oshun-clinic.yml")));

	static final List<String> OBJECTIVES = List.of("info", "social_proof", "offer", "education", "nudge", "reschedule",
			"availability", "reassure", "we_miss_you", "maintenance", "returning_offer", "check_in", "drip");

	private TestContexts() {
	}

	static Contact contact(String name, String locale, String procedure) {
		return new Contact(7, "c_7", name, "+5511999990000", "ana@example.com", ZoneId.of("America/Sao_Paulo"),
				Contact.ZoneSource.CONTACT, locale, "whatsapp", null, procedure, List.of(), true, "active", List.of(),
				null, null, null, null, null, null, null);
	}

	static MessageContext context(Contact contact, String objective, String channel) {
		return context(contact, objective, channel, List.of(), List.of());
	}

	static MessageContext context(Contact contact, String objective, String channel,
			List<MessageRepository.Message> recent, List<Preference> preferences) {
		SequenceDefinition sequence = new SequenceDefinition(SequenceKey.WARM_LEAD, 1, "helpful, unhurried",
				java.time.LocalTime.of(10, 0), "test", 0, List.of(StepDefinition.onDay(1, objective, 1)));
		LocalDate today = AT.atZone(contact.zone()).toLocalDate();
		List<KnowledgeItem> valid = DEMO.stream().filter(item -> item.validOn(today)).toList();
		return ContextBuilder.assemble(contact, sequence, sequence.step(1), channel, AT, recent, preferences, List.of(),
				valid, null, SETTINGS);
	}

	/**
	 * The no-show sequence's reschedule step for {@code contact}, sent at {@code at}, for
	 * an appointment that started at {@code missed} (null: unknown).
	 */
	static MessageContext noShow(Contact contact, Instant at, Instant missed) {
		SequenceDefinition sequence = new SequenceDefinition(SequenceKey.NO_SHOW, 1, "direct, warm, never guilt",
				java.time.LocalTime.of(10, 0), "test", 0,
				List.of(StepDefinition.after(1, "reschedule", java.time.Duration.ofHours(2))));
		LocalDate today = at.atZone(contact.zone()).toLocalDate();
		List<KnowledgeItem> valid = DEMO.stream().filter(item -> item.validOn(today)).toList();
		return ContextBuilder.assemble(contact, sequence, sequence.step(1), "whatsapp", at, List.of(), List.of(),
				List.of(), valid, missed, SETTINGS);
	}

	static MessageContext english(String objective) {
		return context(contact("Emma Clarke", "en-GB", "botox"), objective, "whatsapp");
	}

	private static List<KnowledgeItem> numbered(List<KnowledgeItem> items) {
		return java.util.stream.IntStream.range(0, items.size()).mapToObj(i -> {
			KnowledgeItem item = items.get(i);
			return new KnowledgeItem(i + 1, item.kind(), item.topic(), item.content(), item.language(),
					item.validFrom(), item.validUntil());
		}).toList();
	}

}
