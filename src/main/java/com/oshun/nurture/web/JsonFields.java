package com.oshun.nurture.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON document field by field, naming the dotted path of any field that is
 * missing or of the wrong type.
 */
public final class JsonFields {

	private final JsonNode node;

	private final String prefix;

	private JsonFields(JsonNode node, String prefix) {
		this.node = node;
		this.prefix = prefix;
	}

	public static JsonFields parse(ObjectMapper mapper, byte[] body) {
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidInput("body", "body is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidInput("body", "body must be a JSON object");
		}
		return new JsonFields(root, "");
	}

	public static JsonFields of(JsonNode node) {
		return new JsonFields(node, "");
	}

	public JsonNode node() {
		return node;
	}

	public String path(String name) {
		return prefix + name;
	}

	public boolean has(String name) {
		JsonNode value = node.get(name);
		return value != null && !value.isNull();
	}

	public String text(String name) {
		return optionalText(name).orElseThrow(() -> new InvalidInput(path(name), path(name) + " is required"));
	}

	public Optional<String> optionalText(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isString()) {
			throw new InvalidInput(path(name), path(name) + " must be a string");
		}
		String text = value.stringValue();
		if (text.length() > 10_000) {
			throw new InvalidInput(path(name), path(name) + " is too long");
		}
		return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
	}

	public Instant instant(String name) {
		return optionalInstant(name).orElseThrow(() -> new InvalidInput(path(name), path(name) + " is required"));
	}

	public Optional<Instant> optionalInstant(String name) {
		return optionalText(name).map(text -> {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInput(path(name), path(name) + " must be an ISO-8601 instant");
			}
		});
	}

	public Optional<String> optionalZone(String name) {
		return optionalText(name).map(text -> {
			try {
				return ZoneId.of(text).getId();
			}
			catch (RuntimeException ex) {
				throw new InvalidInput(path(name), path(name) + " must be an IANA time zone");
			}
		});
	}

	public Optional<Boolean> optionalBoolean(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isBoolean()) {
			throw new InvalidInput(path(name), path(name) + " must be true or false");
		}
		return Optional.of(value.booleanValue());
	}

	public Optional<Integer> optionalInt(String name, int min, int max) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
			throw new InvalidInput(path(name), path(name) + " must be a whole number from " + min + " to " + max);
		}
		return Optional.of(value.intValue());
	}

	public Optional<List<String>> optionalTexts(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isArray() || value.size() > 100) {
			throw new InvalidInput(path(name), path(name) + " must be an array of at most 100 strings");
		}
		List<String> texts = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString() || item.stringValue().length() > 200) {
				throw new InvalidInput(path(name), path(name) + " must be an array of short strings");
			}
			texts.add(item.stringValue().trim());
		}
		return Optional.of(texts);
	}

	/**
	 * The objects of a required, non-empty array, each naming its index in the path
	 * ({@code attendees[1].email}).
	 */
	public List<JsonFields> objects(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			throw new InvalidInput(path(name), path(name) + " is required");
		}
		if (!value.isArray() || value.isEmpty() || value.size() > 100) {
			throw new InvalidInput(path(name), path(name) + " must be an array of 1 to 100 objects");
		}
		List<JsonFields> objects = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			String itemPath = path(name) + "[" + i + "]";
			if (!value.get(i).isObject()) {
				throw new InvalidInput(itemPath, itemPath + " must be an object");
			}
			objects.add(new JsonFields(value.get(i), itemPath + "."));
		}
		return objects;
	}

	public JsonFields object(String name) {
		return optionalObject(name).orElseThrow(() -> new InvalidInput(path(name), path(name) + " is required"));
	}

	public Optional<JsonFields> optionalObject(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isObject()) {
			throw new InvalidInput(path(name), path(name) + " must be an object");
		}
		return Optional.of(new JsonFields(value, path(name) + "."));
	}

}
