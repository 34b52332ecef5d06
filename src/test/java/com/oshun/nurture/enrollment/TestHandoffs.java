package com.oshun.nurture.enrollment;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The shared test context keeps hand-offs off (the configuration's default); a test turns
 * them on with {@link Switch#toTeam(long)} or {@link Switch#toAgent(long)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHandoffs {

	@Bean
	@Primary
	Switch handoffSwitch() {
		return new Switch();
	}

	/** The hand-off settings in force; off unless a test says otherwise. */
	public static final class Switch implements HandoffPolicy {

		private volatile HandoffSettings settings = new HandoffSettings(false, null, null);

		@Override
		public HandoffSettings current() {
			return settings;
		}

		public void toTeam(long teamId) {
			settings = new HandoffSettings(true, teamId, null);
		}

		public void toAgent(long agentId) {
			settings = new HandoffSettings(true, null, agentId);
		}

		public void off() {
			settings = new HandoffSettings(false, null, null);
		}

	}

}
