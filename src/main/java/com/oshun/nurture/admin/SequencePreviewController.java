package com.oshun.nurture.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.oshun.nurture.compose.SequencePreview;
import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.web.JsonFields;
import com.oshun.nurture.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "sequences")
class SequencePreviewController {

	private final SequencePreview preview;

	private final SequenceCatalog catalog;

	SequencePreviewController(SequencePreview preview, SequenceCatalog catalog) {
		this.preview = preview;
		this.catalog = catalog;
	}

	/** The contact to preview for, and a draft (the body a PUT would take) if given. */
	private record Request(String contact, Optional<SequenceDefinition> draft) {
	}

	@PostMapping("/api/sequences/{key}/preview")
	@Operation(
			summary = "Planned times and rendered messages of a sequence (or of a draft, given as \"draft\") for a real contact; nothing is sent or stored")
	Map<String, Object> preview(@PathVariable String key, @RequestBody JsonNode body) {
		SequenceKey sequence = SequenceKey.find(key).orElseThrow(() -> new NotFound("no sequence " + key));
		SequenceView current = SequenceView.of(catalog.current(sequence), catalog.versionsOf(sequence));
		Request request = JsonFields.read(body, json -> new Request(json.text("contactExternalId"),
				json.optionalObject("draft").map(draft -> SequenceInput.read(sequence, draft, current))));
		// A draft previews before it is saved; else the current version.
		List<SequencePreview.PreviewStep> steps = request.draft()
			.map(draft -> preview.preview(draft, request.contact()))
			.orElseGet(() -> preview.preview(sequence, request.contact()));
		return Map.of("sequence", sequence.key(), "contactExternalId", request.contact(), "steps", steps);
	}

}
