package com.oshun.nurture;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the requests our client made against Chatwoot's own OpenAPI document
 * (chatwoot-openapi.json of 4.15.1): the path exists with that method, the token header
 * is there, required query parameters are present, and a JSON body has the schema's
 * required fields.
 */
public final class ChatwootSpec {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private static final JsonNode SPEC = load();

	private ChatwootSpec() {
	}

	public static void assertConforms(List<LoggedRequest> requests) {
		List<String> problems = new ArrayList<>();
		for (LoggedRequest request : requests) {
			problems.addAll(check(request));
		}
		assertThat(problems).as("requests that do not match chatwoot-openapi.json").isEmpty();
	}

	private static List<String> check(LoggedRequest request) {
		String path = request.getUrl().split("\\?")[0];
		String method = request.getMethod().getName().toLowerCase();
		String what = method + " " + path;
		JsonNode operation = operation(path, method);
		if (operation == null) {
			return List.of(what + ": no such operation");
		}
		List<String> problems = new ArrayList<>();
		if (request.getHeader("api_access_token") == null) {
			problems.add(what + ": no api_access_token header");
		}
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode p = resolve(parameter);
			if ("query".equals(p.path("in").asString("")) && p.path("required").asBoolean(false)
					&& !request.getQueryParams().containsKey(p.path("name").asString(""))) {
				problems.add(what + ": missing query parameter " + p.path("name").asString(""));
			}
		}
		JsonNode schema = resolve(
				operation.path("requestBody").path("content").path("application/json").path("schema"));
		if (!schema.isMissingNode()) {
			JsonNode body = MAPPER.readTree(request.getBodyAsString());
			for (JsonNode required : schema.path("required")) {
				if (!body.has(required.asString(""))) {
					problems.add(what + ": body lacks required " + required.asString(""));
				}
			}
			for (Map.Entry<String, JsonNode> field : body.properties()) {
				JsonNode declared = resolve(schema.path("properties").path(field.getKey()));
				String type = declared.path("type").asString("");
				if (type.equals("object") && !field.getValue().isObject()
						|| type.equals("string") && !field.getValue().isString()
						|| (type.equals("number") || type.equals("integer")) && !field.getValue().isNumber()) {
					problems.add(what + ": " + field.getKey() + " is not a " + type);
				}
			}
		}
		return problems;
	}

	private static JsonNode operation(String path, String method) {
		for (Map.Entry<String, JsonNode> entry : SPEC.path("paths").properties()) {
			String pattern = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
			if (path.matches(pattern) && entry.getValue().has(method)) {
				return entry.getValue().path(method);
			}
		}
		return null;
	}

	private static JsonNode resolve(JsonNode node) {
		String ref = node.path("$ref").asString("");
		if (ref.isEmpty()) {
			return node;
		}
		JsonNode target = SPEC;
		for (String part : ref.substring(2).split("/")) {
			target = target.path(part);
		}
		return resolve(target);
	}

	private static JsonNode load() {
		try (InputStream in = ChatwootSpec.class.getResourceAsStream("/chatwoot/chatwoot-openapi.json")) {
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
