package com.oshun.nurture.admin;

import java.util.List;
import java.util.Map;

import com.oshun.nurture.compose.SequencePreview;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.web.InvalidInput;
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

	SequencePreviewController(SequencePreview preview) {
		this.preview = preview;
	}

	@PostMapping("/api/sequences/{key}/preview")
	@Operation(
			summary = "Planned times and rendered messages of a sequence (or of a draft, given as \"draft\") for a real contact; nothing is sent or stored")
	Map<String, Object> preview(@PathVariable String key, @RequestBody JsonNode body) {
		SequenceKey sequence = SequenceKey.find(key).orElseThrow(() -> new NotFound("no sequence " + key));
		if (body == null || !body.isObject()) {
			throw new InvalidInput("body", "body must be a JSON object");
		}
		JsonFields json = JsonFields.of(body);
		String contact = json.text("contactExternalId");
		// A draft (the body a PUT would take) previews before it is saved; else the
		// current version.
		List<SequencePreview.PreviewStep> steps = json.optionalObject("draft")
			.map(draft -> preview.preview(SequenceInput.read(sequence, draft), contact))
			.orElseGet(() -> preview.preview(sequence, contact));
		return Map.of("sequence", sequence.key(), "contactExternalId", contact, "steps", steps);
	}

}
