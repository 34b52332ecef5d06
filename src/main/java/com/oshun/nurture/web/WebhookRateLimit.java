package com.oshun.nurture.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address on {@code /webhooks/**}: a flood from one address
 * gets 429 instead of the database's attention. Loopback is exempt (a local proxy or the
 * benchmark), as Chatwoot itself exempts it;
 * {@code nurture.webhooks.rate-limit-per-second: 0} turns it off.
 */
@Component
class WebhookRateLimit extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 10_000;

	private final double perSecond;

	private final double burst;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	@Autowired
	WebhookRateLimit(@Value("${nurture.webhooks.rate-limit-per-second:100}") double perSecond) {
		this(perSecond, System::nanoTime);
	}

	WebhookRateLimit(double perSecond, LongSupplier nanoTime) {
		this.perSecond = perSecond;
		this.burst = Math.max(1, perSecond * 5);
		this.nanoTime = nanoTime;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		return perSecond <= 0 || !request.getRequestURI().startsWith("/webhooks/") || address.startsWith("127.")
				|| address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (buckets.size() > MAX_CLIENTS) {
			buckets.clear();
		}
		long now = nanoTime.getAsLong();
		Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> new Bucket(burst, now));
		if (bucket.take(perSecond, burst, now)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", "1");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
					+ "\"detail\":\"too many webhook deliveries from this address; retry later\"}");
	}

	private static final class Bucket {

		private double tokens;

		private long updatedNanos;

		Bucket(double tokens, long nowNanos) {
			this.tokens = tokens;
			this.updatedNanos = nowNanos;
		}

		synchronized boolean take(double perSecond, double burst, long nowNanos) {
			double elapsed = (nowNanos - updatedNanos) / (double) Duration.ofSeconds(1).toNanos();
			tokens = Math.min(burst, tokens + elapsed * perSecond);
			updatedNanos = nowNanos;
			if (tokens < 1) {
				return false;
			}
			tokens -= 1;
			return true;
		}

	}

}
