package com.oshun.nurture.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Fields a GET answers that the matching PUT cannot change (a contact's {@code status}, a
 * sequence's {@code version}). Whatever GET answers, PUT accepts unchanged: a read-only
 * field may come back as GET shows it, or be left out; any other value is refused, naming
 * the field, rather than ignored (a client that sends {@code "status": "opted_out"} must
 * learn that it opted no one out).
 */
public final class ReadOnlyFields {

	/**
	 * Numbers compare by value, so {@code 1} is {@code 1.0} (a JavaScript client writes a
	 * whole double without its fraction).
	 */
	private static final Comparator<JsonNode> SAME = (a, b) -> sameValue(a, b) ? 0 : 1;

	private record Given(String name, String path, JsonNode value) {
	}

	private final List<Given> given;

	private ReadOnlyFields(List<Given> given) {
		this.given = given;
	}

	/** The read-only fields among {@code names} that {@code json} carries. */
	public static ReadOnlyFields read(JsonFields json, String... names) {
		List<Given> given = new ArrayList<>();
		for (String name : names) {
			JsonNode value = json.given(name);
			if (value != null) {
				given.add(new Given(name, json.path(name), value));
			}
		}
		return new ReadOnlyFields(given);
	}

	public boolean isEmpty() {
		return given.isEmpty();
	}

	/**
	 * Refuse the first field that differs from what {@code shown} (the resource as GET
	 * answers it) holds.
	 */
	public void requireAsShown(JsonNode shown) {
		for (Given field : given) {
			JsonNode expected = shown.get(field.name());
			if (!field.value().equals(SAME, (expected != null) ? expected : NullNode.getInstance())) {
				throw new InvalidInput(field.path(),
						field.path() + " is read-only: send it back as GET answers it, or leave it out");
			}
		}
	}

	private static boolean sameValue(JsonNode a, JsonNode b) {
		if (a.equals(b)) {
			return true;
		}
		if (!a.isNumber() || !b.isNumber()) {
			return false;
		}
		try {
			return a.decimalValue().compareTo(b.decimalValue()) == 0;
		}
		catch (NumberFormatException ex) {
			// NaN or an infinity: the same as nothing
			return false;
		}
	}

}
