package com.oshun.nurture.triggers;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureMappingTests {

	private final ProcedureMapping defaults = new ProcedureMapping(
			Map.of("botox", "botox", "filler", "fillers", "skin", "skin"));

	@Test
	void matchesAKeyContainedInTheSlugOrNameIgnoringCase() {
		assertThat(defaults.procedureFor("botox-consultation", null)).isEqualTo("botox");
		assertThat(defaults.procedureFor(null, "Dermal FILLERS follow-up")).isEqualTo("fillers");
		assertThat(defaults.procedureFor("30min", "Skin booster")).isEqualTo("skin");
	}

	@Test
	void fallsBackToNullWhenNothingMatches() {
		assertThat(defaults.procedureFor("60min", "60min")).isNull();
		assertThat(defaults.procedureFor((String) null)).isNull();
		assertThat(new ProcedureMapping(Map.of()).procedureFor("botox")).isNull();
	}

	@Test
	void theLongestMatchingKeyWins() {
		ProcedureMapping mapping = new ProcedureMapping(Map.of("filler", "fillers", "lip filler", "lips"));

		assertThat(mapping.procedureFor("Lip filler top-up")).isEqualTo("lips");
		assertThat(mapping.procedureFor("Cheek filler")).isEqualTo("fillers");
	}

}
