package com.oshun.nurture.sequence;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.TestHttp;
import com.oshun.nurture.SequenceVersions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /api/sequences/{key}}: a new version per save, clear errors naming the
 * field, and contacts in flight keep the version they started on.
 */
class SequenceEditingIntegrationTests extends IntegrationTest {

	private static final String NO_SHOW_V2 = """
			{"tone":"short and kind","sendAt":"11:30","description":"three touches",
			 "steps":[{"objective":"reschedule","delay":"PT3H"},{"objective":"reassure","day":3},
			          {"objective":"nudge","day":6}]}
			""";

	private String saved;

	@AfterEach
	void restoreSavedSequence() {
		if (saved != null) {
			SequenceVersions.restoreFirst(http, saved);
		}
	}

	@Test
	void aSaveMakesANewVersionAndContactsInFlightKeepTheirs() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		int before = SequenceVersions.current(http, "no_show");

		saved = "no_show";
		JsonNode result = http.put("/api/sequences/no_show", NO_SHOW_V2).expect(200).json();
		int version = result.get("version").intValue();
		assertThat(version).isEqualTo(before + 1);
		assertThat(result.get("versions")).hasSize(version);
		assertThat(result.get("sendAt").stringValue()).startsWith("11:30");
		assertThat(result.get("steps")).hasSize(3);
		assertThat(http.get("/api/sequences/no_show/versions/1").expect(200).json().get("steps")).hasSize(4);

		http.booking(BookingJson.noShow("evt_2", "c_2")).expect(202);

		assertThat(version("c_1")).isEqualTo(before);
		assertThat(version("c_2")).isEqualTo(version);
		assertThat(plannedSteps("c_1")).isEqualTo(4);
		assertThat(plannedSteps("c_2")).isEqualTo(3);
	}

	@Test
	void answersWhichFieldIsWrong() {
		int before = SequenceVersions.current(http, "warm_lead");
		assertInvalid("no_show", """
				{"tone":"t","sendAt":"10:00","steps":[{"objective":"reschedule","delay":"PT2H"},
				 {"objective":"info","day":2}]}""", "steps[1].objective");
		assertInvalid("warm_lead", """
				{"tone":"t","sendAt":"10:00","steps":[{"objective":"info","day":1},{"objective":"offer","day":7},
				 {"objective":"nudge","day":5}]}""", "steps[2].day");
		assertInvalid("warm_lead", """
				{"tone":"t","sendAt":"10:00","steps":[{"objective":"info","day":1,"delay":"PT2H"}]}""", "steps[0].day");
		assertInvalid("no_show", """
				{"tone":"t","sendAt":"10:00","steps":[{"objective":"reschedule","delay":"two hours"}]}""",
				"steps[0].delay");
		assertInvalid("warm_lead", """
				{"tone":"t","sendAt":"25:00","steps":[{"objective":"info","day":1}]}""", "sendAt");
		assertInvalid("warm_lead", """
				{"sendAt":"10:00","steps":[{"objective":"info","day":1}]}""", "tone");
		assertInvalid("warm_lead", """
				{"tone":"t","sendAt":"10:00","steps":[]}""", "steps");
		assertInvalid("drip", """
				{"tone":"t","sendAt":"10:00","steps":[{"objective":"drip","day":31},{"objective":"drip","day":61}]}""",
				"steps");
		assertInvalid("drip", """
				{"tone":"t","sendAt":"10:00","steps":[{"objective":"drip","day":31},{"objective":"drip","day":61},
				 {"objective":"drip","day":80}]}""", "steps[2].day");
		assertThat(SequenceVersions.current(http, "warm_lead")).isEqualTo(before);
		http.put("/api/sequences/nope", NO_SHOW_V2).expect(404);
	}

	@Test
	void aDraftPreviewsBeforeItIsSavedAndStoresNothing() {
		http.put("/api/contacts/c_1", "{\"name\":\"Bea\",\"timezone\":\"Europe/London\"}").expect(200);
		int before = SequenceVersions.current(http, "warm_lead");

		var preview = http.post("/api/sequences/warm_lead/preview", """
				{"contactExternalId":"c_1","draft":{"tone":"brief","sendAt":"11:00",
				 "steps":[{"objective":"education","day":2},{"objective":"nudge","day":9}]}}
				""").expect(200).json().get("steps");

		assertThat(preview).hasSize(2);
		assertThat(preview.get(0).get("objective").stringValue()).isEqualTo("education");
		assertThat(preview.get(1).get("objective").stringValue()).isEqualTo("nudge");
		assertThat(SequenceVersions.current(http, "warm_lead")).isEqualTo(before);
		assertThat(http.post("/api/sequences/warm_lead/preview",
				"{\"contactExternalId\":\"c_1\",\"draft\":{\"tone\":\"x\",\"sendAt\":\"11:00\",\"steps\":[{\"objective\":\"drip\",\"day\":1}]}}")
			.status()).isEqualTo(400);
	}

	@Test
	void acceptsADripOfThreeMonthlySteps() {
		int before = SequenceVersions.current(http, "drip");
		saved = "drip";
		http.put("/api/sequences/drip", """
				{"tone":"calm","sendAt":"10:00","steps":[{"objective":"drip","day":31},{"objective":"drip","day":61},
				 {"objective":"drip","day":91}]}""").expect(200);
		assertThat(SequenceVersions.current(http, "drip")).isEqualTo(before + 1);
		assertThat(http.get("/api/sequences/drip").json().get("steps")).hasSize(3);
	}

	private void assertInvalid(String key, String body, String field) {
		TestHttp.Response response = http.put("/api/sequences/" + key, body).expect(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("field").stringValue()).as(response.body()).isEqualTo(field);
	}

	private int version(String contact) {
		return http.get("/api/contacts/" + contact).json().get("activeEnrollment").get("version").intValue();
	}

	private long plannedSteps(String contact) {
		return jdbc.sql("""
				select count(*) from nurture_step_runs s join contacts c on c.id = s.contact_id
				where c.external_id = :c""").param("c", contact).query(Long.class).single();
	}

}
