package com.oshun.nurture.compose;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.oshun.nurture.preferences.Preference;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.slots.SlotOffer;

/**
 * Everything a composer may use to write one step's message for one person, built in one
 * place ({@link ContextBuilder#buildContext}). Phone and e-mail are here only so the
 * guardrails can tell the contact's own data from anyone else's; no prompt carries them.
 *
 * @param procedure what they asked about or had, or null
 * @param conversation the last messages, oldest first, each shortened
 * @param lastTopic what their last messages were about ({@code price}, {@code pain},
 * {@code downtime}, {@code results}, {@code time}), or null
 * @param preferences learned preferences above the confidence threshold
 * @param memories what they told us about themselves
 * @param knowledge the clinic knowledge picked for the procedure and objective
 * @param at when the message is to be sent; offers must be valid then
 * @param missedAppointmentAt for a no-show step, when the missed appointment was to
 * start; null when that is unknown or the step is of another sequence
 * @param earlier the nurture messages already sent to the contact, oldest first (the
 * repeat rule compares with them)
 * @param slots the open times from the clinic's calendar this message may offer, or none
 * and why; the only times a message may name
 */
public record MessageContext(long contactId, String name, String firstName, String language, ZoneId zone, String phone,
		String email, String procedure, List<String> interests, List<Turn> conversation, String lastTopic,
		List<Preference> preferences, List<String> memories, SequenceKey sequence, String tone, String objective,
		int stepNo, int stepCount, String channel, int maxLength, List<KnowledgeItem> knowledge, String bookingLink,
		Instant at, Instant missedAppointmentAt, List<String> earlier, SlotOffer slots) {

	public MessageContext {
		earlier = List.copyOf(earlier);
		slots = (slots != null) ? slots : SlotOffer.notAsked();
		interests = List.copyOf(interests);
		conversation = List.copyOf(conversation);
		preferences = List.copyOf(preferences);
		memories = List.copyOf(memories);
		knowledge = List.copyOf(knowledge);
	}

	/** This context with the open times it may offer. */
	public MessageContext withSlots(SlotOffer offer) {
		return new MessageContext(contactId, name, firstName, language, zone, phone, email, procedure, interests,
				conversation, lastTopic, preferences, memories, sequence, tone, objective, stepNo, stepCount, channel,
				maxLength, knowledge, bookingLink, at, missedAppointmentAt, earlier, offer);
	}

	/**
	 * One message of the conversation: {@code in} from the contact, {@code out} to them.
	 */
	public record Turn(String direction, String text) {
	}

	/** A context with nothing sent before, offering no times. */
	public MessageContext(long contactId, String name, String firstName, String language, ZoneId zone, String phone,
			String email, String procedure, List<String> interests, List<Turn> conversation, String lastTopic,
			List<Preference> preferences, List<String> memories, SequenceKey sequence, String tone, String objective,
			int stepNo, int stepCount, String channel, int maxLength, List<KnowledgeItem> knowledge, String bookingLink,
			Instant at, Instant missedAppointmentAt) {
		this(contactId, name, firstName, language, zone, phone, email, procedure, interests, conversation, lastTopic,
				preferences, memories, sequence, tone, objective, stepNo, stepCount, channel, maxLength, knowledge,
				bookingLink, at, missedAppointmentAt, List.of(), SlotOffer.notAsked());
	}

	/** The same context with these messages sent before it. */
	public MessageContext withEarlier(List<String> sent) {
		return new MessageContext(contactId, name, firstName, language, zone, phone, email, procedure, interests,
				conversation, lastTopic, preferences, memories, sequence, tone, objective, stepNo, stepCount, channel,
				maxLength, knowledge, bookingLink, at, missedAppointmentAt, sent, slots);
	}

	/**
	 * The procedure's name as the contact reads it: the clinic's {@code name} item for it
	 * in their language (else one for any language); null when the clinic gives none, and
	 * the procedure's key is never shown instead.
	 */
	public String procedureName() {
		if (procedure == null) {
			return null;
		}
		return knowledge(KnowledgeItem.NAME).stream()
			.filter(item -> procedure.equalsIgnoreCase(item.topic()) && item.suits(language))
			.sorted((a, b) -> Boolean.compare(!language.equals(a.language()), !language.equals(b.language())))
			.map(KnowledgeItem::content)
			.findFirst()
			.orElse(null);
	}

	public List<KnowledgeItem> knowledge(String kind) {
		return knowledge.stream().filter(item -> item.kind().equals(kind)).toList();
	}

}
