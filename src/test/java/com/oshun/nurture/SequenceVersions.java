package com.oshun.nurture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sequence versions are not truncated between tests (versions are cached for good), so a
 * test that saves one puts version 1's content back as the newest version afterwards.
 */
public final class SequenceVersions {

	private SequenceVersions() {
	}

	public static void restoreFirst(TestHttp http, String key) {
		JsonNode first = http.get("/api/sequences/" + key + "/versions/1").expect(200).json();
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("tone", first.get("tone").stringValue());
		body.put("sendAt", first.get("sendAt").stringValue().substring(0, 5));
		body.put("description", first.get("description").stringValue());
		ArrayNode steps = body.putArray("steps");
		for (JsonNode step : first.get("steps")) {
			ObjectNode copy = steps.addObject().put("objective", step.get("objective").stringValue());
			if (!step.get("day").isNull()) {
				copy.put("day", step.get("day").intValue());
			}
			else {
				copy.put("delay", step.get("delay").stringValue());
			}
		}
		http.put("/api/sequences/" + key, body.toString()).expect(200);
	}

	public static int current(TestHttp http, String key) {
		return http.get("/api/sequences/" + key).expect(200).json().get("version").intValue();
	}

}
