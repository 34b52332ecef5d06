package com.oshun.nurture.enrollment;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holdouts end to end: a no-show sequence that holds out half its enrollments, triggered
 * for twenty contacts; the control arm is sent nothing, ends like the treatment, is
 * counted in the funnel, and keeps its arm.
 */
class HoldoutIntegrationTests extends IntegrationTest {

	private static final int CONTACTS = 20;

	@AfterEach
	void holdNothingOutAgain() {
		holdOut(0);
	}

	@Test
	void theControlArmIsSentNothingEndsLikeTheTreatmentAndIsCounted() {
		holdOut(50);
		for (int i = 0; i < CONTACTS; i++) {
			http.booking(BookingJson.noShow("evt_" + i, "c_" + i)).expect(202);
		}
		List<Long> control = contactsIn("control");
		List<Long> treatment = contactsIn("treatment");
		assertThat(control).isNotEmpty();
		assertThat(treatment).isNotEmpty();
		assertThat(control.size() + treatment.size()).isEqualTo(CONTACTS);

		advance("P8D");

		assertThat(jdbc.sql("""
				select distinct s.status || ':' || s.reason from nurture_step_runs s
				join nurture_enrollments e on e.id = s.enrollment_id where e.arm = 'control'
				""").query(String.class).list()).containsExactly("skipped:holdout");
		assertThat(
				count("select count(*) from nurture_step_runs s join nurture_enrollments e on e.id = s.enrollment_id "
						+ "where e.arm = 'control'"))
			.isEqualTo(4L * control.size());
		assertThat(jdbc.sql("select distinct contact_id from outbox order by contact_id").query(Long.class).list())
			.containsExactlyElementsOf(treatment);
		assertThat(count(
				"select count(*) from messages where direction = 'out' and contact_id in (" + join(control) + ")"))
			.isZero();
		assertThat(jdbc.sql("select distinct status from nurture_enrollments where arm = 'control'")
			.query(String.class)
			.list()).containsExactly("completed");
		assertThat(count("select count(*) from nurture_enrollments where sequence_key = 'drip' and contact_id in ("
				+ join(control) + ")"))
			.isZero();
		assertThat(count("select count(*) from nurture_enrollments where sequence_key = 'drip'"))
			.isEqualTo(treatment.size());

		JsonNode funnel = http.get("/api/reports/funnel").expect(200).json();
		JsonNode noShow = sequence(funnel, "no_show");
		assertThat(noShow.get("enrolled").longValue()).isEqualTo(CONTACTS);
		assertThat(noShow.get("lift").get("control").get("enrolled").longValue()).isEqualTo(control.size());
		assertThat(noShow.get("lift").get("treatment").get("enrolled").longValue()).isEqualTo(treatment.size());
		assertThat(noShow.get("lift").get("verdict").stringValue()).isEqualTo("not enough data");
		assertThat(funnel.get("lift").get("control").get("enrolled").longValue()).isEqualTo(control.size());
	}

	@Test
	void operatorsSeeAndFilterTheArm() {
		holdOut(50);
		for (int i = 0; i < CONTACTS; i++) {
			http.booking(BookingJson.noShow("evt_" + i, "c_" + i)).expect(202);
		}

		JsonNode listed = http.get("/api/enrollments?arm=control").expect(200).json().get("enrollments");
		assertThat(listed).isNotEmpty().allSatisfy(e -> assertThat(e.get("arm").stringValue()).isEqualTo("control"));
		assertThat(listed).hasSize(contactsIn("control").size());
		JsonNode treated = http.get("/api/enrollments?arm=treatment&sequence=no_show").expect(200).json();
		assertThat(treated.get("enrollments")).hasSize(contactsIn("treatment").size());
		assertField(http.get("/api/enrollments?arm=holdout"), "arm");

		String someone = listed.get(0).get("contactExternalId").stringValue();
		assertThat(http.get("/api/contacts/" + someone).json().get("activeEnrollment").get("arm").stringValue())
			.isEqualTo("control");
		advance("P1D");
		List<JsonNode> entries = http.get("/api/contacts/" + someone + "/timeline")
			.json()
			.get("entries")
			.valueStream()
			.toList();
		assertThat(entries).filteredOn(e -> e.get("kind").stringValue().equals("enrollment"))
			.allSatisfy(e -> assertThat(e.get("arm").stringValue()).isEqualTo("control"));
		assertThat(entries)
			.filteredOn(
					e -> e.get("kind").stringValue().equals("step") && e.get("status").stringValue().equals("skipped"))
			.isNotEmpty()
			.allSatisfy(e -> assertThat(e.get("reason").stringValue()).isEqualTo("holdout"));
	}

	@Test
	void aContactKeepsItsArmWhenItEnrollsAgainEvenAfterTheShareChanges() {
		holdOut(50);
		for (int i = 0; i < CONTACTS; i++) {
			http.booking(BookingJson.noShow("evt_" + i, "c_" + i)).expect(202);
		}
		List<Long> control = contactsIn("control");
		advance("P8D");
		holdOut(5);

		for (int i = 0; i < CONTACTS; i++) {
			http.booking(BookingJson.noShow("evt_again_" + i, "c_" + i)).expect(202);
		}

		List<Long> controlAgain = jdbc.sql("""
				select contact_id from nurture_enrollments
				where sequence_key = 'no_show' and arm = 'control' and status = 'active' order by contact_id
				""").query(Long.class).list();
		assertThat(controlAgain).isEqualTo(control);
	}

	private void holdOut(int percent) {
		ObjectNode shown = (ObjectNode) http.get("/api/sequences/no_show").expect(200).json();
		shown.put("holdoutPercent", percent);
		JsonNode saved = http.put("/api/sequences/no_show", shown.toString()).expect(200).json();
		assertThat(saved.get("holdoutPercent").intValue()).isEqualTo(percent);
	}

	private List<Long> contactsIn(String arm) {
		return jdbc
			.sql("select contact_id from nurture_enrollments where sequence_key = 'no_show' and arm = :arm "
					+ "order by contact_id")
			.param("arm", arm)
			.query(Long.class)
			.list();
	}

	private static JsonNode sequence(JsonNode funnel, String key) {
		return funnel.get("sequences")
			.valueStream()
			.filter(row -> row.get("sequence").stringValue().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private static String join(List<Long> ids) {
		return ids.isEmpty() ? "0" : String.join(",", ids.stream().map(String::valueOf).toList());
	}

}
