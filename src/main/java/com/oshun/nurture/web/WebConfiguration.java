package com.oshun.nurture.web;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	WallClock wallClock() {
		return new WallClock(Clock.systemUTC());
	}

}
