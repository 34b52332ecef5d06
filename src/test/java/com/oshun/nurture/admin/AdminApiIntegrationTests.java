package com.oshun.nurture.admin;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiIntegrationTests extends IntegrationTest {

	@Test
	void everyApiCallNeedsTheToken() {
		http.unauthenticated("/api/contacts").expect(401);
		http.unauthenticated("/api/clock").expect(401);
		assertThat(http.unauthenticated("/actuator/health").status()).isEqualTo(200);
		assertThat(http.unauthenticated("/v3/api-docs").body()).contains("/api/contacts/{externalId}/timeline")
			.contains("/webhooks/booking");
	}

	@Test
	void createsUpdatesAndFindsAContact() {
		http.put("/api/contacts/c_1", """
				{"name":"Bea Lima","phone":"+447400123456","email":"Bea@Example.com","timezone":"Europe/London",
				 "locale":"en-GB","preferredChannel":"whatsapp","procedureInterest":"fillers","interests":["lips"]}
				""").expect(200);
		http.put("/api/contacts/c_1", "{\"marketingConsent\":false}").expect(200);
		http.put("/api/contacts/c_2", "{\"name\":\"Beatriz Costa\",\"email\":\"bia@example.com\"}").expect(200);

		var contact = http.get("/api/contacts/c_1").expect(200).json();
		assertThat(contact.get("name").stringValue()).isEqualTo("Bea Lima");
		assertThat(contact.get("marketingConsent").booleanValue()).isFalse();
		assertThat(contact.get("status").stringValue()).isEqualTo("active");
		assertThat(contact.get("activeEnrollment").isNull()).isTrue();
		assertThat(contact.get("preferences").isArray()).isTrue();

		var byEmail = http.get("/api/contacts?q=bia@example.com").expect(200).json().get("contacts");
		assertThat(byEmail.get(0).get("externalId").stringValue()).isEqualTo("c_2");
		var byName = http.get("/api/contacts?q=bea").expect(200).json().get("contacts");
		assertThat(byName).hasSize(2);
		var byPhone = http.get("/api/contacts?q=%2B447400123456").expect(200).json().get("contacts");
		assertThat(byPhone.get(0).get("externalId").stringValue()).isEqualTo("c_1");
		http.get("/api/contacts/nobody").expect(404);
	}

	@Test
	void aBookingForANewKeyWithAKnownPhoneJoinsTheExistingContact() {
		http.put("/api/contacts/crm-7", "{\"name\":\"Ana\",\"phone\":\"+55119999" + "0000\"}").expect(200);

		http.booking(
				BookingJson.noShow("evt_1", "c_1").replaceAll("\"phone\":\"[^\"]+\"", "\"phone\":\"+551199990000\""))
			.expect(202);

		assertThat(jdbc.sql("select count(*) from contacts").query(Long.class).single()).isEqualTo(1);
		assertThat(http.get("/api/contacts/crm-7").json().get("activeEnrollment").get("sequence").stringValue())
			.isEqualTo("no_show");
		assertThat(http.get("/api/contacts/c_1").expect(200).json().get("externalId").stringValue()).isEqualTo("crm-7");
	}

	@Test
	void badInputIsA400NamingTheFieldAndChangesNothing() {
		assertField(http.put("/api/contacts/c_1", "{\"phone\":\"12345\"}"), "phone");
		assertField(http.put("/api/contacts/c_1", "{\"timezone\":\"Nowhere/Land\"}"), "timezone");
		assertField(http.put("/api/contacts/c_1", "{\"interests\":\"lips\"}"), "interests");
		assertField(http.put("/api/contacts/c_1", "{\"marketingConsent\":\"yes\"}"), "marketingConsent");
		assertField(http.put("/api/contacts/c_1", "not json"), "body");
		assertThat(jdbc.sql("select count(*) from contacts").query(Long.class).single()).isZero();

		http.put("/api/contacts/c_1", "{\"name\":\"Bea\"}").expect(200);
		assertField(http.post("/api/contacts/c_1/warm-lead", "{}"), "procedure");
		assertField(http.get("/api/enrollments?status=sleeping"), "status");
		assertField(http.get("/api/enrollments?sequence=spam"), "sequence");
		assertField(http.get("/api/contacts?limit=0"), "limit");
		assertField(http.post("/api/clock/advance", "{\"by\":\"tomorrow\"}"), "by");
		assertField(http.post("/api/clock/advance", "{\"to\":\"2020-01-01T00:00:00Z\"}"), "to");
		assertField(http.post("/api/clock/advance", "{}"), "by");
		assertThat(http.get("/api/enrollments/abc/pause").status()).isIn(400, 404, 405);
	}

	@Test
	void theClockMovesOnlyForward() {
		var moved = http.post("/api/clock/advance", "{\"to\":\"2026-01-06T08:00:00Z\"}").expect(200).json();

		assertThat(moved.get("now").stringValue()).isEqualTo("2026-01-06T08:00:00Z");
		assertThat(http.get("/api/clock").json().get("mode").stringValue()).isEqualTo("simulated");
	}

	@Test
	void listsEnrollmentsAndSequences() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		var active = http.get("/api/enrollments?status=active&sequence=no_show").expect(200).json().get("enrollments");
		assertThat(active).hasSize(1);
		assertThat(http.get("/api/enrollments?status=active&sequence=drip").json().get("enrollments")).isEmpty();
		var sequences = http.get("/api/sequences").expect(200).json().get("sequences");
		assertThat(sequences).hasSize(4);
		var warm = http.get("/api/sequences/warm_lead").expect(200).json();
		assertThat(warm.get("steps")).hasSize(5);
		assertThat(warm.get("steps").get(2).get("objective").stringValue()).isEqualTo("offer");
		http.get("/api/sequences/nope").expect(404);
	}

	@Test
	void enrollmentsNameTheirContactByExternalIdAndName() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		var listed = http.get("/api/enrollments?status=active&sequence=no_show").expect(200).json().get("enrollments");

		assertThat(listed).hasSize(1);
		var enrollment = listed.get(0);
		assertThat(enrollment.get("contactExternalId").stringValue()).isEqualTo("c_1");
		assertThat(enrollment.get("contactName").stringValue()).isEqualTo("Ana Souza");
		assertThat(enrollment.has("contactId")).isFalse();
		assertThat(enrollment.get("arm").stringValue()).isEqualTo("treatment");
		http.get("/api/contacts/" + enrollment.get("contactExternalId").stringValue()).expect(200);
		var paused = http.post("/api/enrollments/" + enrollment.get("id").longValue() + "/pause", "")
			.expect(200)
			.json();
		assertThat(paused.get("contactExternalId").stringValue()).isEqualTo("c_1");
	}

	@Test
	void theServiceRootLeadsToTheDashboard() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> root = client.send(HttpRequest.newBuilder(URI.create(http.base() + "/")).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(root.statusCode()).isIn(302, 303);
		String location = root.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/dashboard/index.html");
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(URI.create(http.base() + "/").resolve(location)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html");
	}

}
