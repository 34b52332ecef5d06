package com.oshun.nurture.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**} needs {@code Authorization: Bearer <token>}; anything else is 401.
 */
@Configuration(proxyBeanMethods = false)
class AdminTokenFilter {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> adminTokenFilterRegistration(AdminToken token) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(token));
		registration.addUrlPatterns("/api/*");
		registration.setName("adminToken");
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final AdminToken token;

		Filter(AdminToken token) {
			this.token = token;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
					&& token.matches(header.substring(7))) {
				chain.doFilter(request, response);
				return;
			}
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader("WWW-Authenticate", "Bearer");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"a valid admin bearer token is required\",\"field\":\"Authorization\"}");
		}

	}

}
