package com.oshun.nurture.web;

import tools.jackson.databind.JsonNode;

/**
 * Lenient reads of a peer's JSON (Chatwoot sends ids as numbers in one place and strings
 * in another): null instead of an exception when a value is absent or of another type.
 */
public final class JsonValues {

	private JsonValues() {
	}

	public static String text(JsonNode node) {
		return (node != null && node.isString() && !node.stringValue().isEmpty()) ? node.stringValue() : null;
	}

	public static Long id(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return node.longValue();
		}
		if (node.isString() && node.stringValue().matches("\\d{1,18}")) {
			return Long.parseLong(node.stringValue());
		}
		return null;
	}

}
