package com.oshun.nurture.web;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;

/**
 * The dotted path of the field a Jackson failure points at, or {@code body} when it is
 * the whole document.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				return jackson.getPath()
					.stream()
					.map(ref -> (ref.getPropertyName() != null) ? ref.getPropertyName()
							: String.valueOf(ref.getIndex()))
					.collect(Collectors.joining("."));
			}
		}
		return "body";
	}

}
