package com.oshun.nurture.web;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Only a refused state transition is a 409; any other broken invariant is a 500 and says
 * nothing of our internals.
 */
class ApiProblemsTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ApiProblems())
		.build();

	@Test
	void aRefusedTransitionIsAConflictNamingTheState() throws Exception {
		mvc.perform(post("/refused"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("cannot pause enrollment in state ended"));
	}

	@Test
	void anyOtherIllegalStateIsOurFaultNotAConflict() throws Exception {
		mvc.perform(post("/broken"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.detail").value("unexpected error"));
	}

	@RestController
	static class Failing {

		@PostMapping("/refused")
		void refused() {
			throw new RefusedTransition("cannot pause enrollment in state ended");
		}

		@PostMapping("/broken")
		void broken() {
			throw new IllegalStateException("no contact 42");
		}

	}

}
