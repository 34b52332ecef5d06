package com.oshun.nurture.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Handing a Chatwoot conversation to the clinic's people: assign it to an agent or a
 * team, and leave them a private note (seen by agents only, never sent to the contact).
 * Faults are {@link ChatwootFault}s carrying Chatwoot's error text.
 */
public class ChatwootAssignments {

	private final ChatwootSettings settings;

	private final ChatwootClient client;

	ChatwootAssignments(ChatwootSettings settings, ChatwootClient client) {
		this.settings = settings;
		this.client = client;
	}

	/** Whether Chatwoot is configured at all. */
	public boolean available() {
		return settings.configured();
	}

	/**
	 * Assign the conversation to the agent when {@code agentId} is set, else to the team,
	 * then leave the note as a private message (an outgoing message only agents see).
	 * Empty when both went through, else Chatwoot's error text (no patient data).
	 */
	public Optional<String> handOff(long conversationId, Long agentId, Long teamId, String note) {
		Map<String, Object> assignment = new LinkedHashMap<>();
		if (agentId != null) {
			assignment.put("assignee_id", agentId);
		}
		else {
			assignment.put("team_id", teamId);
		}
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("content", note);
		message.put("message_type", "outgoing");
		message.put("private", true);
		try {
			client.assign(conversationId, assignment);
			client.createMessage(conversationId, message);
			return Optional.empty();
		}
		catch (ChatwootFault fault) {
			return Optional.of(fault.getMessage());
		}
	}

}
