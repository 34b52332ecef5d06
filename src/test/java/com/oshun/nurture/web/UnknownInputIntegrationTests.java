package com.oshun.nurture.web;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.SequenceVersions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unknown field in any admin API body, at any depth, and an unknown query parameter on
 * any call, is a 400 naming it, and changes nothing: never silently ignored.
 */
class UnknownInputIntegrationTests extends IntegrationTest {

	private static final String WARM_LEAD = """
			{"tone":"t","sendAt":"10:00","steps":[{"objective":"info","day":1},{"objective":"nudge","day":4%s}]%s}""";

	@Test
	void anUnknownFieldInABodyIsRefusedNamingIt() {
		int version = SequenceVersions.current(http, "warm_lead");
		assertField(http.put("/api/sequences/warm_lead", WARM_LEAD.formatted("", ",\"priority\":10")), "priority");
		assertField(http.put("/api/sequences/warm_lead", WARM_LEAD.formatted(",\"hour\":9", "")), "steps[1].hour");
		assertThat(SequenceVersions.current(http, "warm_lead")).isEqualTo(version);

		assertField(http.put("/api/contacts/c_1", "{\"name\":\"Bea\",\"nickname\":\"B\"}"), "nickname");
		assertThat(count("select count(*) from contacts")).isZero();

		http.put("/api/contacts/c_1", "{\"name\":\"Bea\"}").expect(200);
		assertField(http.post("/api/contacts/c_1/warm-lead", "{\"procedure\":\"botox\",\"urgent\":true}"), "urgent");
		assertThat(count("select count(*) from triggers")).isZero();
		assertField(http.post("/api/sequences/warm_lead/preview",
				"{\"contactExternalId\":\"c_1\",\"draft\":" + WARM_LEAD.formatted("", ",\"arm\":\"control\"") + "}"),
				"draft.arm");
		assertField(
				http.post("/api/sequences/warm_lead/preview", "{\"contact\":\"c_1\",\"contactExternalId\":\"c_1\"}"),
				"contact");
		assertField(http.post("/api/clock/advance", "{\"by\":\"P1D\",\"force\":true}"), "force");
		assertThat(now()).isEqualTo(START);
		assertField(http.post("/api/knowledge", "{\"kind\":\"faq\",\"content\":\"Parking?\",\"priority\":1}"),
				"priority");
		assertThat(http.get("/api/knowledge?kind=faq").json().get("items").toString()).doesNotContain("Parking?");
	}

	@Test
	void anUnknownQueryParameterIsRefusedNamingIt() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		long enrollment = http.get("/api/enrollments?status=active&sequence=no_show&limit=5")
			.expect(200)
			.json()
			.get("enrollments")
			.get(0)
			.get("id")
			.longValue();

		assertField(http.get("/api/enrollments?status=active&arms=control"), "arms");
		assertField(http.get("/api/contacts?q=ana&page=2"), "page");
		assertField(http.get("/api/contacts/c_1?fields=name"), "fields");
		assertField(http.get("/api/contacts/c_1/timeline?kind=step"), "kind");
		assertField(http.get("/api/reports/funnel?since=2026-01-01"), "since");
		assertField(http.get("/api/reports/upcoming?limit=5&days=3"), "days");
		assertField(http.get("/api/sequences?key=drip"), "key");
		assertField(http.get("/api/knowledge?lang=en"), "lang");
		assertField(http.get("/api/clock?zone=UTC"), "zone");
		assertField(http.post("/api/enrollments/" + enrollment + "/pause?until=2026-02-01", ""), "until");
		assertThat(http.get("/api/contacts/c_1").json().get("activeEnrollment").get("status").stringValue())
			.isEqualTo("active");

		assertThat(http.get("/api/enrollments?arms=control").json().get("detail").stringValue())
			.isEqualTo("arms is not a parameter of this call (it takes arm, limit, sequence, status)");
	}

}
