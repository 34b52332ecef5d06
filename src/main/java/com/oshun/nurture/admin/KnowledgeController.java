package com.oshun.nurture.admin;

import java.util.List;
import java.util.Map;

import com.oshun.nurture.compose.KnowledgeInput;
import com.oshun.nurture.compose.KnowledgeItem;
import com.oshun.nurture.compose.KnowledgeRepository;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.NotFound;
import com.oshun.nurture.web.ReadOnlyFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "knowledge")
class KnowledgeController {

	private final KnowledgeRepository knowledge;

	KnowledgeController(KnowledgeRepository knowledge) {
		this.knowledge = knowledge;
	}

	@GetMapping
	@Operation(summary = "The clinic's knowledge items, optionally of one kind or topic")
	Map<String, List<KnowledgeItem>> list(@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "topic", required = false) String topic) {
		return Map.of("items",
				knowledge.clinic()
					.stream()
					.filter(item -> kind == null || item.kind().equals(kind))
					.filter(item -> topic == null || topic.equalsIgnoreCase(item.topic()))
					.toList());
	}

	@GetMapping("/{id}")
	KnowledgeItem get(@PathVariable long id) {
		return knowledge.findClinic(id).orElseThrow(() -> new NotFound("no knowledge item " + id));
	}

	@PostMapping
	@Operation(summary = "Add a knowledge item: kind, topic, content, language, validFrom, validUntil")
	ResponseEntity<KnowledgeItem> add(@RequestBody JsonNode body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(knowledge.add(JsonFields.read(body, KnowledgeController::item), "admin"));
	}

	@PutMapping("/{id}")
	@Operation(
			summary = "Replace a knowledge item; a restart keeps the edit. The body GET answers is accepted as it is "
					+ "(its id must be this one)")
	KnowledgeItem update(@PathVariable long id, @RequestBody JsonNode body) {
		KnowledgeItem item = JsonFields.read(body, json -> {
			ReadOnlyFields.read(json, "id").requireAsShown(JsonNodeFactory.instance.objectNode().put("id", id));
			return item(json);
		});
		return knowledge.update(id, item).orElseThrow(() -> new NotFound("no knowledge item " + id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		if (!knowledge.delete(id)) {
			throw new NotFound("no knowledge item " + id);
		}
		return ResponseEntity.noContent().build();
	}

	private static KnowledgeItem item(JsonFields json) {
		return KnowledgeInput.check(json.optionalText("kind").orElse(null), json.optionalText("topic").orElse(null),
				json.optionalText("content").orElse(null), json.optionalText("language").orElse(null),
				json.optionalText("validFrom").orElse(null), json.optionalText("validUntil").orElse(null));
	}

}
