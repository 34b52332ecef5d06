package com.oshun.nurture.enrollment;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import com.oshun.nurture.compose.ComposedMessage;
import com.oshun.nurture.compose.ContextBuilder;
import com.oshun.nurture.compose.MessageComposer;
import com.oshun.nurture.compose.MessageContext;
import com.oshun.nurture.delivery.DeliveryResult;
import com.oshun.nurture.delivery.MessageDelivery;
import com.oshun.nurture.delivery.OutboundMessage;
import com.oshun.nurture.enrollment.StepClaim.Claimed;
import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.slots.OfferedSlots;

import org.springframework.stereotype.Component;

/**
 * The second move of a batch, outside any transaction: compose one claimed step's message
 * and deliver it, from what was read once for the whole batch.
 */
@Component
class StepDelivery {

	private final ContextBuilder contexts;

	private final MessageDelivery delivery;

	private final SequenceCatalog catalog;

	private final MessageComposer composer;

	private final Clock clock;

	private final OfferedSlots offeredSlots;

	StepDelivery(ContextBuilder contexts, MessageDelivery delivery, SequenceCatalog catalog, MessageComposer composer,
			Clock clock, OfferedSlots offeredSlots) {
		this.offeredSlots = offeredSlots;
		this.contexts = contexts;
		this.delivery = delivery;
		this.catalog = catalog;
		this.composer = composer;
		this.clock = clock;
	}

	/** What became of one step. */
	record Outcome(Claimed claimed, ComposedMessage message, String objectiveNote, DeliveryResult result) {
	}

	/**
	 * What a batch's deliveries read once: the contexts, and where each contact is
	 * reached.
	 */
	record Batch(ContextBuilder.Batch contexts, MessageDelivery delivery) {
	}

	Batch batch(Collection<Claimed> claimed) {
		Set<Long> contactIds = claimed.stream().map(step -> step.contact().id()).collect(Collectors.toSet());
		return new Batch(contexts.load(contactIds), delivery.forBatch(contactIds));
	}

	Outcome deliver(Claimed claimed, Batch batch) {
		StepRun step = claimed.step();
		if (claimed.refusal() != null) {
			return new Outcome(claimed, null, null, new DeliveryResult.Skipped(claimed.refusal()));
		}
		Enrollment enrollment = claimed.enrollment();
		// a step under test is worded as the contact's variant: its objective, its tone
		SequenceDefinition sequence = catalog.get(enrollment.sequence(), enrollment.version())
			.asVariant(step.stepNo(), step.variant());
		String channel = claimed.contact().preferredChannel();
		MessageContext context = batch.contexts()
			.context(claimed.contact(), sequence, sequence.step(step.stepNo()), channel, clock.instant());
		String objective = context.objective();
		String note = objective.equals(step.objective()) ? null
				: step.objective() + " softened to " + objective + ": the contact answers other content, not offers";
		ComposedMessage message = composer.compose(context);
		if (message.refused()) {
			return new Outcome(claimed, message, note,
					new DeliveryResult.Skipped("no message passed the guardrails: " + message.reason()));
		}
		DeliveryResult result = batch.delivery()
			.deliver(new OutboundMessage(claimed.contact(), channel, message.text(), step.deliveryMarker(), objective,
					claimed.held().attempt(), claimed.onlyIfSent(), context.procedureName()));
		if (result instanceof DeliveryResult.Delivered delivered && context.slots().offered()
				&& !"template".equals(delivered.sentAs())) {
			// the times it offered, so that a reply "2" can be resolved; a template
			// carries
			// none of them, so a later "2" must not pick a time the patient never read
			offeredSlots.remember(claimed.contact().id(), enrollment.id(), step.stepNo(), context.slots().slots(),
					clock.instant());
		}
		return new Outcome(claimed, message, note, result);
	}

}
