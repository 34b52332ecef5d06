package com.oshun.nurture.compose;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.oshun.nurture.web.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the clinic's knowledge from {@code nurture.knowledge-file} (YAML, or JSON, which
 * YAML reads too) at start. Items from the file replace the previous file items; items
 * written or edited through the admin API are kept.
 */
@Component
public class ClinicKnowledge implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ClinicKnowledge.class);

	private final KnowledgeRepository knowledge;

	private final TransactionTemplate transaction;

	private final Resource file;

	ClinicKnowledge(KnowledgeRepository knowledge, TransactionTemplate transaction,
			@Value("${nurture.knowledge-file:classpath:knowledge/oshun-clinic.yml}") Resource file) {
		this.knowledge = knowledge;
		this.transaction = transaction;
		this.file = file;
	}

	@Override
	public void afterSingletonsInstantiated() {
		reload();
	}

	/** Read the knowledge file again, replacing the items that came from it. */
	public void reload() {
		List<KnowledgeItem> items = read(file);
		transaction.executeWithoutResult(status -> {
			knowledge.deleteFromFile();
			items.forEach(item -> knowledge.add(item, "file"));
		});
		log.info("Loaded {} clinic knowledge items from {}", items.size(), file.getDescription());
	}

	static List<KnowledgeItem> read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException("nurture.knowledge-file: cannot read " + file.getDescription(), ex);
		}
	}

	static List<KnowledgeItem> parse(Object document) {
		if (!(document instanceof Map<?, ?> root) || !(root.get("items") instanceof List<?> list)) {
			throw new IllegalStateException("nurture.knowledge-file: expected a document with a list of items");
		}
		List<KnowledgeItem> items = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof Map<?, ?> fields)) {
				throw new IllegalStateException("nurture.knowledge-file: items[" + i + "] must be a mapping");
			}
			try {
				items.add(KnowledgeInput.check(text(fields, "kind"), text(fields, "topic"), text(fields, "content"),
						text(fields, "language"), text(fields, "validFrom"), text(fields, "validUntil")));
			}
			catch (InvalidInput ex) {
				throw new IllegalStateException(
						"nurture.knowledge-file: items[" + i + "]." + ex.field() + ": " + ex.getMessage());
			}
		}
		return items;
	}

	private static String text(Map<?, ?> fields, String name) {
		Object value = fields.get(name);
		if (value instanceof Date date) {
			// YAML reads an unquoted 2026-01-31 as a timestamp at UTC midnight.
			return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
		}
		return (value != null) ? value.toString() : null;
	}

}
