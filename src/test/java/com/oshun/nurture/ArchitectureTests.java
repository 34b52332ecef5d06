package com.oshun.nurture;

import com.oshun.nurture.web.JsonFields;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package-by-feature layout stays honest: feature packages form no cycles, nothing
 * but the admin edge depends on the admin package, and the admin API reads every body
 * strictly (an unknown field is refused, never ignored).
 */
class ArchitectureTests {

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

}
