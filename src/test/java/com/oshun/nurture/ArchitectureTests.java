package com.oshun.nurture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package-by-feature layout stays honest: feature packages form no cycles, and
 * nothing but the admin edge depends on the admin package.
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

}
