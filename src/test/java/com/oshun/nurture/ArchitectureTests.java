package com.oshun.nurture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.oshun.nurture.web.JsonFields;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package-by-feature layout stays honest: feature packages form no cycles, nothing
 * but the admin edge depends on the admin package, and the admin API reads every body
 * strictly (an unknown field is refused, never ignored), and each table is written by its
 * owning module only (the others go through the owner's public methods).
 */
class ArchitectureTests {

	/** Each table and the one package whose SQL may write it. */
	private static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("contacts", "contact"),
			Map.entry("contact_keys", "contact"), Map.entry("messages", "contact"),
			Map.entry("nurture_enrollments", "enrollment"), Map.entry("nurture_step_runs", "enrollment"),
			Map.entry("nurture_sequences", "sequence"), Map.entry("nurture_steps", "sequence"),
			Map.entry("nurture_step_variants", "sequence"), Map.entry("bookings", "triggers"),
			Map.entry("triggers", "triggers"), Map.entry("webhook_events", "triggers"),
			Map.entry("nurture_webhook_inbox", "triggers"), Map.entry("contact_preferences", "preferences"),
			Map.entry("preference_changes", "preferences"), Map.entry("memory_knowledge", "compose"),
			Map.entry("chatwoot_conversations", "delivery"), Map.entry("outbox", "delivery"));

	private static final Pattern WRITE = Pattern
		.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_]+)");

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.oshun.nurture");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("com.oshun.nurture.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void onlyTheSimulationReadsTheAdminPackage() {
		noClasses().that()
			.resideOutsideOfPackages("com.oshun.nurture.admin..", "com.oshun.nurture.simulation..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.oshun.nurture.admin..")
			.check(classes);
	}

	@Test
	void theAdminApiReadsBodiesOnlyThroughTheStrictReader() {
		noClasses().that()
			.resideInAPackage("com.oshun.nurture.admin..")
			.should()
			.callMethod(JsonFields.class, "of", JsonNode.class)
			.orShould()
			.callMethod(JsonFields.class, "parse", ObjectMapper.class, byte[].class)
			.check(classes);
	}

	@Test
	void theContactModuleTakesDetailsAlreadyReadNotJson() {
		noClasses().that()
			.resideInAPackage("com.oshun.nurture.contact..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(JsonFields.class.getName())
			.check(classes);
	}

	@Test
	void eachTableIsWrittenOnlyByItsOwningModule() throws IOException {
		Path root = Path.of("src/main/java/com/oshun/nurture");
		List<String> trespasses = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String module = root.relativize(file).getName(0).toString();
				Matcher write = WRITE.matcher(Files.readString(file));
				while (write.find()) {
					String owner = OWNERS.get(write.group(1).toLowerCase());
					if (owner != null && !owner.equals(module)) {
						trespasses.add(file + " writes " + write.group(1) + " (owned by " + owner + ")");
					}
				}
			}
		}
		assertThat(trespasses).isEmpty();
	}

}
