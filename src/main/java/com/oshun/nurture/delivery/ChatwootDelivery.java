package com.oshun.nurture.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.delivery.ChatwootRoutes.Conversation;
import com.oshun.nurture.web.JsonValues;
import tools.jackson.databind.JsonNode;

/**
 * Real delivery through Chatwoot's Application API. Each message carries its step's
 * marker in {@code content_attributes.external_delivery_id}; a repeated attempt first
 * looks for that marker in the contact's conversations, so a crash or a timeout after
 * Chatwoot took the message never sends it twice. Throttling, 5xx and timeouts answer
 * "try again at", and only 401, 404 and 422 fail a step.
 */
class ChatwootDelivery implements MessageDelivery {

	private final ChatwootClient client;

	private final ChatwootRouter router;

	private final DeliveryMarkers markers;

	private final ChatwootRoutes routes;

	private final ChatwootSettings settings;

	/**
	 * Set on a contact when Meta reported their number undeliverable (see triggers'
	 * MetaRefusals).
	 */
	static final String WHATSAPP_UNDELIVERABLE = "whatsapp_undeliverable";

	private final WhatsappSettings whatsapp;

	private final RequestBudget conversationBudget;

	private final RetryPolicy retry;

	private final Clock clock;

	/** Where contacts are reached: read per message, or once for a batch. */
	private final ChatwootRoutes.Lookup lookup;

	ChatwootDelivery(ChatwootClient client, ChatwootRoutes routes, ChatwootSettings settings, WhatsappSettings whatsapp,
			RequestBudget conversationBudget, RetryPolicy retry, Clock clock) {
		this.client = client;
		this.router = new ChatwootRouter(client, routes);
		this.markers = new DeliveryMarkers(client, routes, settings);
		this.routes = routes;
		this.settings = settings;
		this.whatsapp = whatsapp;
		this.conversationBudget = conversationBudget;
		this.retry = retry;
		this.clock = clock;
		this.lookup = routes::conversationFor;
	}

	private ChatwootDelivery(ChatwootDelivery delivery, ChatwootRoutes.Lookup lookup) {
		this.client = delivery.client;
		this.router = delivery.router;
		this.markers = delivery.markers;
		this.routes = delivery.routes;
		this.settings = delivery.settings;
		this.whatsapp = delivery.whatsapp;
		this.conversationBudget = delivery.conversationBudget;
		this.retry = delivery.retry;
		this.clock = delivery.clock;
		this.lookup = lookup;
	}

	@Override
	public MessageDelivery forBatch(Collection<Long> contactIds) {
		return new ChatwootDelivery(this, routes.preload(contactIds));
	}

	private record Target(String channel, Conversation conversation, ChannelRules.Plan plan) {
	}

	@Override
	public DeliveryResult deliver(OutboundMessage message) {
		try {
			Contact contact = message.contact();
			if (message.attempt() > 1) {
				Optional<DeliveryResult.Delivered> earlier = markers.find(contact.id(), message.marker());
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			if (message.onlyIfSent()) {
				return new DeliveryResult.Skipped(OutboundMessage.NOT_SENT);
			}
			Target target = target(contact, message);
			if (target.plan() instanceof ChannelRules.Skip skip) {
				return new DeliveryResult.Skipped(skip.reason());
			}
			long conversationId = target.conversation().id();
			conversationBudget.take("conversation:" + conversationId).ifPresent(at -> {
				throw ChatwootFault.throttled("per-conversation message limit", at);
			});
			JsonNode created = client.createMessage(conversationId, body(message, target.plan()));
			String externalId = "chatwoot:" + JsonValues.id(created.path("id"));
			if (target.plan() instanceof ChannelRules.Template template) {
				return new DeliveryResult.Delivered(target.channel(), externalId, "template", template.category());
			}
			return new DeliveryResult.Delivered(target.channel(), externalId, "free_text", null);
		}
		catch (ChatwootRouter.Unroutable ex) {
			return new DeliveryResult.Skipped(ex.getMessage());
		}
		catch (ChatwootFault fault) {
			if (fault.retryable() || tooManyMessages(fault)) {
				Instant at = retry.next(message.attempt(), clock.instant(), fault.notBefore());
				return new DeliveryResult.RetryAt(at, fault.getMessage());
			}
			return new DeliveryResult.Failed(fault.getMessage());
		}
	}

	/**
	 * Chatwoot's flood guard answers 422, but the message goes through a minute later.
	 */
	private static boolean tooManyMessages(ChatwootFault fault) {
		return fault.status() == 422 && fault.getMessage().contains("Too many messages");
	}

	private Target target(Contact contact, OutboundMessage message) {
		if ("instagram".equals(message.channel())) {
			String refusal = instagramRefusal(contact);
			if (refusal == null) {
				Conversation conversation = lookup.conversationFor(contact.id(), settings.instagramInboxId()).get();
				return new Target("instagram", conversation, new ChannelRules.FreeText());
			}
			if (contact.phone() == null) {
				return new Target("instagram", null,
						new ChannelRules.Skip("instagram: " + refusal + "; no phone for a WhatsApp fallback"));
			}
		}
		if (settings.whatsappInboxId() == null) {
			return new Target("whatsapp", null, new ChannelRules.Skip("no WhatsApp inbox configured"));
		}
		if (contact.whatsappUndeliverable()) {
			return new Target("whatsapp", null, new ChannelRules.Skip(
					"whatsapp: Meta reported this number undeliverable (131026); the channel is stopped for this contact"));
		}
		Conversation conversation = router.whatsapp(contact, settings.whatsappInboxId(), lookup);
		return new Target("whatsapp", conversation, ChannelRules.whatsapp(contact, message.procedureName(),
				message.objective(), conversation.lastInboundAt(), clock.instant(), whatsapp));
	}

	/**
	 * Instagram cannot be cold-started: the contact must have written to us there (that
	 * is what creates their contact inbox), and within the window.
	 */
	private String instagramRefusal(Contact contact) {
		if (settings.instagramInboxId() == null) {
			return "no Instagram inbox configured";
		}
		Optional<Conversation> conversation = lookup.conversationFor(contact.id(), settings.instagramInboxId());
		if (conversation.isEmpty()) {
			return "the contact has never messaged us on Instagram";
		}
		if (!ChannelRules.windowOpen(conversation.get().lastInboundAt(), clock.instant())) {
			return "outside the Instagram 24 h window";
		}
		return null;
	}

	private static Map<String, Object> body(OutboundMessage message, ChannelRules.Plan plan) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("content", message.content());
		body.put("message_type", "outgoing");
		body.put("private", false);
		body.put("content_type", "text");
		body.put("content_attributes", Map.of(DeliveryMarkers.KEY, message.marker()));
		if (plan instanceof ChannelRules.Template template) {
			body.put("template_params", template.params());
		}
		return body;
	}

}
