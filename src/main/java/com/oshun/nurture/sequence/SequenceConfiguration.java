package com.oshun.nurture.sequence;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.scheduling.QuietHours;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SequenceConfiguration {

	@Bean
	StepPlanner stepPlanner(NurtureSettings settings) {
		NurtureSettings.QuietHours hours = settings.quietHours();
		return new StepPlanner(new QuietHours(hours.start(), hours.end(), hours.daysOfWeek()));
	}

}
