package com.oshun.nurture.enrollment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.handoff}: whether a reply that asks to book is handed to the clinic's
 * people (off by default), and to whom: an agent ({@code agent-id}, preferred when both
 * are set) or a team ({@code team-id}) of the Chatwoot account. Checked at startup:
 * enabled needs one of them.
 */
@ConfigurationProperties("nurture.handoff")
public record HandoffSettings(boolean enabled, Long teamId, Long agentId) implements HandoffPolicy {

	public HandoffSettings {
		if (enabled && teamId == null && agentId == null) {
			throw new IllegalArgumentException(
					"nurture.handoff.enabled needs nurture.handoff.team-id or nurture.handoff.agent-id");
		}
		if ((teamId != null && teamId <= 0) || (agentId != null && agentId <= 0)) {
			throw new IllegalArgumentException("nurture.handoff.team-id and agent-id must be positive Chatwoot ids");
		}
	}

	@Override
	public HandoffSettings current() {
		return this;
	}

}
