package com.oshun.nurture.compose;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.preferences.Learning;
import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.sequence.StepPlanner;
import com.oshun.nurture.slots.Slot;

import org.springframework.stereotype.Component;

/**
 * A dry run of a sequence for a real contact: each step's planned time and the message it
 * would send, composed exactly as a real step is (the learned hour, the objective the
 * message is written for, the repeat rule against the messages already sent and the steps
 * previewed before it). Nothing is sent or stored.
 */
@Component
public class SequencePreview {

	private final SequenceCatalog catalog;

	private final StepPlanner planner;

	private final ContactRepository contacts;

	private final ContextBuilder contexts;

	private final MessageComposer composer;

	private final Learning learning;

	private final Clock clock;

	SequencePreview(SequenceCatalog catalog, StepPlanner planner, ContactRepository contacts, ContextBuilder contexts,
			MessageComposer composer, Learning learning, Clock clock) {
		this.catalog = catalog;
		this.planner = planner;
		this.contacts = contacts;
		this.contexts = contexts;
		this.composer = composer;
		this.learning = learning;
		this.clock = clock;
	}

	/**
	 * One step as it would go out, with the open slots it would offer ({@code slots},
	 * empty when it offers none, and {@code slotsReason} says why).
	 */
	public record PreviewStep(int stepNo, String objective, Instant plannedAt, String channel, String content,
			String composer, String composerReason, List<Slot> slots, String slotsReason) {
	}

	public List<PreviewStep> preview(SequenceKey key, String contactExternalId) {
		return preview(catalog.current(key), contactExternalId);
	}

	/** Preview any definition, a draft not saved yet included. */
	public List<PreviewStep> preview(SequenceDefinition sequence, String contactExternalId) {
		Contact contact = contacts.getByKey(contactExternalId);
		String channel = contact.preferredChannel();
		LocalTime learnedHour = learning.bestHour(contact.id()).orElse(null);
		List<String> previewed = new ArrayList<>();
		return planner.plan(sequence, clock.instant(), contact.zone(), learnedHour).stream().map(planned -> {
			int stepNo = planned.step().stepNo();
			MessageContext built = contexts.buildContext(contact, sequence, stepNo, channel, planned.dueAt());
			// The steps previewed before this one count as sent: the repeat rule sees
			// them.
			List<String> earlier = new ArrayList<>(built.earlier());
			earlier.addAll(previewed);
			MessageContext context = built.withEarlier(earlier);
			ComposedMessage message = composer.compose(context);
			if (message.text() != null) {
				previewed.add(message.text());
			}
			return new PreviewStep(stepNo, context.objective(), planned.dueAt(), channel, message.text(),
					message.composer(), message.reason(), context.slots().slots(), context.slots().reason());
		}).toList();
	}

}
