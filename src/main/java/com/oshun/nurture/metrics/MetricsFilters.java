package com.oshun.nurture.metrics;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every webhook answer as {@code nurture_webhooks_total{endpoint, status, result}}
 * and into the {@code webhooks} health without touching the controllers, and reads the
 * step gauges afresh before each Prometheus scrape.
 */
@Configuration(proxyBeanMethods = false)
class MetricsFilters {

	private static final Set<String> ENDPOINTS = Set.of("booking", "calcom", "calendly", "chatwoot");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webhookMetricsFilter(MeterRegistry registry, WebhookHealth health) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new WebhookCounter(registry, health));
		registration.addUrlPatterns("/webhooks/*");
		registration.setName("webhookMetrics");
		return registration;
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> scrapeRefreshFilter(StepMetrics steps) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						steps.refresh();
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns("/actuator/prometheus");
		registration.setName("scrapeRefresh");
		return registration;
	}

	static final class WebhookCounter extends OncePerRequestFilter {

		private final MeterRegistry registry;

		/** Bounded: five endpoints times the statuses an answer can have. */
		private final Map<String, Counter> counters = new ConcurrentHashMap<>();

		private final WebhookHealth health;

		WebhookCounter(MeterRegistry registry, WebhookHealth health) {
			this.registry = registry;
			this.health = health;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			finally {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				String endpoint = path.startsWith("/webhooks/") ? path.substring("/webhooks/".length()) : "";
				// the unsigned Chatwoot path: its token never becomes a tag
				endpoint = endpoint.startsWith("chatwoot/") ? "chatwoot" : endpoint;
				endpoint = ENDPOINTS.contains(endpoint) ? endpoint : "other";
				counter(endpoint, response.getStatus()).increment();
				if ("POST".equals(request.getMethod())) {
					// senders deliver by POST; a browser's GET is no delivery
					health.record(endpoint, response.getStatus());
				}
			}
		}

		/** The counter of an endpoint and status, registered on its first use. */
		private Counter counter(String endpoint, int status) {
			return counters.computeIfAbsent(endpoint + " " + status,
					key -> Counter.builder("nurture.webhooks")
						.description("Webhook deliveries by endpoint and answer")
						.tag("endpoint", endpoint)
						.tag("status", Integer.toString(status))
						.tag("result", result(status))
						.register(registry));
		}

		static String result(int status) {
			return switch (status) {
				case 200 -> "duplicate";
				case 202 -> "accepted";
				case 400 -> "invalid";
				case 401 -> "unauthorized";
				case 413 -> "too_large";
				case 503 -> "not_configured";
				default -> (status >= 500) ? "error" : "rejected";
			};
		}

	}

}
