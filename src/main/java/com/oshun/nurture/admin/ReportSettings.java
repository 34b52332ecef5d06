package com.oshun.nurture.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.reports}: a booking counts for an enrollment from its start to
 * {@code attributionWindow} after it ends, in the funnel and in the lift.
 */
@ConfigurationProperties("nurture.reports")
public record ReportSettings(Duration attributionWindow) {

	public ReportSettings {
		if (attributionWindow == null || attributionWindow.isNegative()) {
			throw new IllegalArgumentException("nurture.reports.attribution-window must be a duration of 0 or more");
		}
	}

}
