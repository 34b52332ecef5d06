package com.oshun.nurture.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON document field by field, naming the dotted path of any field that is
 * missing or of the wrong type. A body of the admin API is read through {@link #read}: a
 * field the reader never looked at is unknown and refused, so a field is known exactly
 * when the code reads it.
 */
public final class JsonFields {

	private final JsonNode node;

	private final String prefix;

	/** The names the reader looked at, known or absent. */
	private final Set<String> looked = new HashSet<>();

	/** The objects read inside this one, checked for unknown fields in turn. */
	private final List<JsonFields> inner = new ArrayList<>();

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

	/**
	 * A peer's document (a webhook), read leniently: fields nobody reads are ignored, as
	 * vendors add fields over time.
	 */
	public static JsonFields of(JsonNode node) {
		return new JsonFields(node, "");
	}

	/**
	 * Read an admin API request body with {@code reader}, then refuse the first field (at
	 * any depth) that the reader did not look at, naming its path. The reader must not
	 * act on what it read; the caller acts on the answer.
	 */
	public static <T> T read(JsonNode body, Function<JsonFields, T> reader) {
		if (body == null || !body.isObject()) {
			throw new InvalidInput("body", "body must be a JSON object");
		}
		JsonFields json = new JsonFields(body, "");
		T value = reader.apply(json);
		json.refuseUnknown();
		return value;
	}

	private void refuseUnknown() {
		for (String name : node.propertyNames()) {
			if (!looked.contains(name)) {
				throw new InvalidInput(path(name), path(name) + " is not a field of this request");
			}
		}
		inner.forEach(JsonFields::refuseUnknown);
	}

	/** The value as sent (null when absent), for a field the reader only compares. */
	public JsonNode given(String name) {
		return value(name);
	}

	private JsonNode value(String name) {
		looked.add(name);
		return node.get(name);
	}

	public JsonNode node() {
		return node;
	}

	public String path(String name) {
		return prefix + name;
	}

	public boolean has(String name) {
		JsonNode value = value(name);
		return value != null && !value.isNull();
	}

	public String text(String name) {
		return optionalText(name).orElseThrow(() -> new InvalidInput(path(name), path(name) + " is required"));
	}

	public Optional<String> optionalText(String name) {
		JsonNode value = value(name);
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
		JsonNode value = value(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isBoolean()) {
			throw new InvalidInput(path(name), path(name) + " must be true or false");
		}
		return Optional.of(value.booleanValue());
	}

	public Optional<Integer> optionalInt(String name, int min, int max) {
		JsonNode value = value(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
			throw new InvalidInput(path(name), path(name) + " must be a whole number from " + min + " to " + max);
		}
		return Optional.of(value.intValue());
	}

	public Optional<List<String>> optionalTexts(String name) {
		JsonNode value = value(name);
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
		JsonNode value = value(name);
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
			objects.add(nested(value.get(i), itemPath + "."));
		}
		return objects;
	}

	public JsonFields object(String name) {
		return optionalObject(name).orElseThrow(() -> new InvalidInput(path(name), path(name) + " is required"));
	}

	public Optional<JsonFields> optionalObject(String name) {
		JsonNode value = value(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isObject()) {
			throw new InvalidInput(path(name), path(name) + " must be an object");
		}
		return Optional.of(nested(value, path(name) + "."));
	}

	private JsonFields nested(JsonNode value, String path) {
		JsonFields fields = new JsonFields(value, path);
		inner.add(fields);
		return fields;
	}

}
