package com.oshun.nurture.web;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every call of the admin API takes the query parameters its handler declares with
 * {@code @RequestParam}, and no others: an unknown one ({@code ?arm=control}, a typo of
 * {@code status}) is a 400 naming it, not a filter silently left out.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameters implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Check()).addPathPatterns("/api/**");
	}

	static final class Check implements HandlerInterceptor {

		private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
				return true;
			}
			Set<String> known = declared.computeIfAbsent(method.getMethod(), m -> names(method));
			for (String pair : request.getQueryString().split("&")) {
				int equals = pair.indexOf('=');
				String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
				if (!name.isEmpty() && !known.contains(name)) {
					throw new InvalidInput(name, name + " is not a parameter of this call"
							+ (known.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", known) + ")"));
				}
			}
			return true;
		}

		private static Set<String> names(HandlerMethod method) {
			SortedSet<String> names = new TreeSet<>();
			for (MethodParameter parameter : method.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null) {
					names.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
				}
			}
			return Collections.unmodifiableSortedSet(names);
		}

		private static String decode(String name) {
			try {
				return URLDecoder.decode(name, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return name;
			}
		}

	}

}
