package com.oshun.nurture.compose;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.preferences.Learning;
import com.oshun.nurture.preferences.Preference;
import com.oshun.nurture.preferences.PreferenceRepository;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.sequence.StepDefinition;
import com.oshun.nurture.slots.OpenSlots;

import org.springframework.stereotype.Component;

/**
 * {@code buildContext}: the one place a message's context is assembled, for a step that
 * is sent and for a preview alike.
 */
@Component
public class ContextBuilder {

	static final int TURN_CHARACTERS = 300;

	private final MessageRepository messages;

	private final PreferenceRepository preferences;

	private final KnowledgeRepository knowledge;

	private final MissedAppointments missed;

	private final ComposeSettings settings;

	private final Learning learning;

	private final EarlierMessages earlier;

	private final OpenSlots openSlots;

	ContextBuilder(MessageRepository messages, PreferenceRepository preferences, KnowledgeRepository knowledge,
			MissedAppointments missed, ComposeSettings settings, Learning learning, EarlierMessages earlier,
			OpenSlots openSlots) {
		this.earlier = earlier;
		this.openSlots = openSlots;
		this.messages = messages;
		this.preferences = preferences;
		this.knowledge = knowledge;
		this.missed = missed;
		this.settings = settings;
		this.learning = learning;
	}

	/**
	 * The context of step {@code stepNo} of {@code sequence} for {@code contact}, sent at
	 * {@code at}.
	 */
	public MessageContext buildContext(Contact contact, SequenceDefinition sequence, int stepNo, String channel,
			Instant at) {
		return buildContext(contact, sequence, sequence.step(stepNo), channel, at);
	}

	/**
	 * The context of {@code step} of {@code sequence} for {@code contact}, sent at
	 * {@code at}; its objective is the one the message is written for
	 * ({@link Learning#adapt}), which may differ from the planned one.
	 */
	public MessageContext buildContext(Contact contact, SequenceDefinition sequence, StepDefinition step,
			String channel, Instant at) {
		LocalDate today = at.atZone(contact.zone()).toLocalDate();
		Instant missedAt = (sequence.key() == SequenceKey.NO_SHOW) ? missed.startFor(contact.id()) : null;
		List<Preference> learned = preferences.forContact(contact.id());
		return withOpenSlots(assemble(contact, sequence, adapted(step, learned), channel, at,
				messages.recent(contact.id(), settings.recentMessages()), learned, knowledge.forContact(contact.id()),
				knowledge.clinicValidOn(today), missedAt, settings)
			.withEarlier(earlier.sentTo(contact.id())));
	}

	/**
	 * A step that offers times gets the open slots from the clinic's calendar, read now
	 * (or none, and why).
	 */
	private MessageContext withOpenSlots(MessageContext context) {
		if (!OpenSlots.offersTimes(context.objective(), context.lastTopic())) {
			return context;
		}
		return context.withSlots(openSlots.forContact(context.procedure(), context.zone(), context.at()));
	}

	private StepDefinition adapted(StepDefinition step, List<Preference> learned) {
		String objective = learning.adapt(step.objective(), learned);
		return objective.equals(step.objective()) ? step
				: new StepDefinition(step.stepNo(), objective, step.day(), step.delay());
	}

	/**
	 * The data behind the contexts of a batch of steps for these contacts, read with one
	 * query per kind; {@link Batch#context} then builds each as {@code buildContext}
	 * would.
	 */
	public Batch load(Collection<Long> contactIds) {
		return new Batch(messages.recentFor(contactIds, settings.recentMessages()), preferences.forContacts(contactIds),
				knowledge.forContacts(contactIds), missed.startsFor(contactIds), earlier.sentTo(contactIds));
	}

	/** What {@link #load} read. */
	public final class Batch {

		private final Map<Long, List<MessageRepository.Message>> recent;

		private final Map<Long, List<Preference>> learned;

		private final Map<Long, List<KnowledgeItem>> memories;

		private final Map<Long, Instant> missedAppointments;

		private final Map<Long, List<String>> sent;

		private Batch(Map<Long, List<MessageRepository.Message>> recent, Map<Long, List<Preference>> learned,
				Map<Long, List<KnowledgeItem>> memories, Map<Long, Instant> missedAppointments,
				Map<Long, List<String>> sent) {
			this.sent = sent;
			this.recent = recent;
			this.learned = learned;
			this.memories = memories;
			this.missedAppointments = missedAppointments;
		}

		/** Everything learned about the contact, confident or not. */
		public List<Preference> preferences(long contactId) {
			return learned.getOrDefault(contactId, List.of());
		}

		public MessageContext context(Contact contact, SequenceDefinition sequence, StepDefinition step, String channel,
				Instant at) {
			LocalDate today = at.atZone(contact.zone()).toLocalDate();
			return withOpenSlots(assemble(contact, sequence, adapted(step, preferences(contact.id())), channel, at,
					recent.getOrDefault(contact.id(), List.of()), preferences(contact.id()),
					memories.getOrDefault(contact.id(), List.of()), knowledge.clinicValidOn(today),
					missedAppointments.get(contact.id()), settings)
				.withEarlier(sent.getOrDefault(contact.id(), List.of())));
		}

	}

	static MessageContext assemble(Contact contact, SequenceDefinition sequence, StepDefinition step, String channel,
			Instant at, List<MessageRepository.Message> recent, List<Preference> learned, List<KnowledgeItem> memories,
			List<KnowledgeItem> clinicValid, Instant missedAt, ComposeSettings settings) {
		String language = contact.language();
		String procedure = procedure(contact);
		List<MessageContext.Turn> conversation = recent.stream()
			.filter(message -> message.content() != null && !message.content().isBlank())
			.map(message -> new MessageContext.Turn(message.direction(), shorten(message.content())))
			.toList();
		String lastTopic = Topics.last(conversation).orElse(null);
		List<Preference> confident = learned.stream()
			.filter(preference -> preference.confidence() >= settings.preferenceThreshold()
					&& preference.evidenceCount() >= Learning.MIN_SIGNALS)
			.toList();
		List<KnowledgeItem> picked = new java.util.ArrayList<>(KnowledgeSelection.pick(clinicValid, procedure,
				step.objective(), step.stepNo(), language, contact.interests(), lastTopic, settings.knowledgeItems()));
		// The procedure's display names always come along: no key reaches a patient.
		clinicValid.stream()
			.filter(item -> KnowledgeItem.NAME.equals(item.kind()) && procedure != null
					&& procedure.equalsIgnoreCase(item.topic()))
			.forEach(picked::add);
		String bookingLink = bookingLink(clinicValid);
		return new MessageContext(contact.id(), contact.name(), contact.firstName(), language, contact.zone(),
				contact.phone(), contact.email(), procedure, contact.interests(), conversation, lastTopic, confident,
				memories.stream().map(KnowledgeItem::content).toList(), sequence.key(), sequence.tone(),
				step.objective(), step.stepNo(), sequence.steps().size(), channel, Channels.maxLength(channel), picked,
				bookingLink, at, missedAppointment(sequence, missedAt, at));
	}

	/**
	 * The clinic's booking link on {@code date}, as a message's context carries it: the
	 * {@code link} item with topic {@code booking}, else the first link; empty without
	 * one.
	 */
	public Optional<String> bookingLink(LocalDate date) {
		return Optional.ofNullable(bookingLink(knowledge.clinicValidOn(date)));
	}

	private static String bookingLink(List<KnowledgeItem> clinicValid) {
		return clinicValid.stream()
			.filter(item -> KnowledgeItem.LINK.equals(item.kind()))
			.sorted((a, b) -> Boolean.compare(!"booking".equals(a.topic()), !"booking".equals(b.topic())))
			.map(KnowledgeItem::content)
			.findFirst()
			.orElse(null);
	}

	/**
	 * A no-show step's missed appointment; one that starts after the message is sent was
	 * not missed (yet), so its time is not known.
	 */
	private static Instant missedAppointment(SequenceDefinition sequence, Instant missedAt, Instant at) {
		return (sequence.key() == SequenceKey.NO_SHOW && missedAt != null && !missedAt.isAfter(at)) ? missedAt : null;
	}

	/**
	 * The procedure a contact's messages are about: their interest, else their care
	 * plan's; null for neither.
	 */
	public static String procedure(Contact contact) {
		String procedure = (contact.procedureInterest() != null) ? contact.procedureInterest()
				: contact.carePlanProcedure();
		return (procedure != null && !procedure.isBlank()) ? procedure.trim() : null;
	}

	private static String shorten(String text) {
		String flat = text.strip().replaceAll("\\s+", " ");
		return (flat.length() <= TURN_CHARACTERS) ? flat : flat.substring(0, TURN_CHARACTERS - 1) + "…";
	}

}
