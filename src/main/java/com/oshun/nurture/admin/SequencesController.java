package com.oshun.nurture.admin;

import java.util.List;
import java.util.Map;

import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sequences")
@Tag(name = "sequences")
class SequencesController {

	private final SequenceCatalog catalog;

	SequencesController(SequenceCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	Map<String, List<SequenceView>> list() {
		return Map.of("sequences", catalog.currentAll().stream().map(this::view).toList());
	}

	@GetMapping("/{key}")
	SequenceView get(@PathVariable String key) {
		return view(catalog.current(sequence(key)));
	}

	@GetMapping("/{key}/versions/{version}")
	SequenceView version(@PathVariable String key, @PathVariable int version) {
		SequenceKey sequence = sequence(key);
		if (!catalog.versionsOf(sequence).contains(version)) {
			throw new NotFound("no version " + version + " of sequence " + key);
		}
		return view(catalog.get(sequence, version));
	}

	@PutMapping("/{key}")
	@Operation(summary = "Store a new version of the sequence (contacts in flight keep the version they started on); "
			+ "a body that says what the current version says stores nothing and answers the current version")
	SequenceView put(@PathVariable String key, @RequestBody JsonNode body) {
		SequenceKey sequence = sequence(key);
		SequenceView current = view(catalog.current(sequence));
		return view(catalog.add(JsonFields.read(body, json -> SequenceInput.read(sequence, json, current))));
	}

	private static SequenceKey sequence(String key) {
		return SequenceKey.find(key).orElseThrow(() -> new NotFound("no sequence " + key));
	}

	private SequenceView view(SequenceDefinition d) {
		return SequenceView.of(d, catalog.versionsOf(d.key()));
	}

}
