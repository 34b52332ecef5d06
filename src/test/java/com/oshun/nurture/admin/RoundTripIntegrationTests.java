package com.oshun.nurture.admin;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a GET answers, the matching PUT accepts unchanged and changes nothing:
 * sequences, contacts and knowledge items. A read-only field sent with another value is
 * refused, naming it.
 */
class RoundTripIntegrationTests extends IntegrationTest {

	@Test
	void everySequenceTakesBackWhatGetAnswersAndMakesNoNewVersion() {
		for (String key : List.of("warm_lead", "no_show", "lapsed", "drip")) {
			JsonNode shown = http.get("/api/sequences/" + key).expect(200).json();

			JsonNode saved = http.put("/api/sequences/" + key, shown.toString()).expect(200).json();

			assertThat(saved).as(key).isEqualTo(shown);
			assertThat(http.get("/api/sequences/" + key).json()).as(key).isEqualTo(shown);
		}
	}

	@Test
	void aSequenceBodyWithTheCurrentDefinitionButNoReadOnlyFieldsMakesNoNewVersion() {
		JsonNode shown = http.get("/api/sequences/no_show").expect(200).json();
		ObjectNode body = ((ObjectNode) shown.deepCopy()).retain("tone", "sendAt", "description", "steps");
		body.withArray("steps").forEach(step -> ((ObjectNode) step).remove("stepNo"));

		JsonNode saved = http.put("/api/sequences/no_show", body.toString()).expect(200).json();

		assertThat(saved.get("version").intValue()).isEqualTo(shown.get("version").intValue());
		assertThat(saved.get("versions")).isEqualTo(shown.get("versions"));
	}

	@Test
	void aContactTakesBackWhatGetAnswersWithItsReadOnlyFields() {
		http.booking(BookingJson.event("evt_1", "booking.completed", "c_1",
				"\"carePlan\":{\"completed\":true,\"rebookWithinDays\":120}"))
			.expect(202);
		http.booking(BookingJson.event("evt_2", "booking.noShow", "c_1", null).replace("bk_c_1", "bk_c_1b"))
			.expect(202);
		JsonNode shown = http.get("/api/contacts/c_1").expect(200).json();
		assertThat(shown.get("activeEnrollment").isObject()).isTrue();
		assertThat(shown.get("carePlanProcedure").stringValue()).isEqualTo("botox");
		assertThat(shown.get("tags")).isNotEmpty();

		JsonNode saved = http.put("/api/contacts/c_1", shown.toString()).expect(200).json();

		assertThat(saved).isEqualTo(shown);
		assertThat(http.get("/api/contacts/c_1").json()).isEqualTo(shown);
	}

	@Test
	void aContactWhoseZoneComesFromThePhoneOrTheClinicKeepsItDerivedThroughARoundTrip() {
		http.put("/api/contacts/c_phone", "{\"name\":\"Ana\",\"phone\":\"(11) 98765-4321\"}").expect(200);
		http.put("/api/contacts/c_clinic", "{\"name\":\"Bea\"}").expect(200);

		for (String key : List.of("c_phone", "c_clinic")) {
			JsonNode shown = http.get("/api/contacts/" + key).expect(200).json();

			JsonNode saved = http.put("/api/contacts/" + key, shown.toString()).expect(200).json();

			assertThat(saved).as(key).isEqualTo(shown);
		}
		assertThat(http.get("/api/contacts/c_phone").json().get("timezoneSource").stringValue()).isEqualTo("phone");
		assertThat(http.get("/api/contacts/c_clinic").json().get("timezoneSource").stringValue()).isEqualTo("clinic");
		// nothing stored as the contacts' own: a later phone still decides
		assertThat(count("select count(*) from contacts where timezone is not null")).isZero();

		// a zone changed in the GET body becomes the contact's own
		ObjectNode moved = (ObjectNode) http.get("/api/contacts/c_clinic").json().deepCopy();
		moved.put("timezone", "Europe/Lisbon");
		JsonNode saved = http.put("/api/contacts/c_clinic", moved.toString()).expect(200).json();
		assertThat(saved.get("timezone").stringValue()).isEqualTo("Europe/Lisbon");
		assertThat(saved.get("timezoneSource").stringValue()).isEqualTo("contact");
		assertField(http.put("/api/contacts/c_clinic", "{\"timezoneSource\":\"guess\"}"), "timezoneSource");
	}

	@Test
	void aKnowledgeItemTakesBackWhatGetAnswers() {
		long id = http.get("/api/knowledge?kind=offer").expect(200).json().get("items").get(0).get("id").longValue();
		JsonNode shown = http.get("/api/knowledge/" + id).expect(200).json();

		JsonNode saved = http.put("/api/knowledge/" + id, shown.toString()).expect(200).json();

		assertThat(saved).isEqualTo(shown);
		assertThat(http.get("/api/knowledge/" + id).json()).isEqualTo(shown);
	}

	@Test
	void aReadOnlyFieldWithAnotherValueIsRefusedNamingItAndChangesNothing() {
		http.put("/api/contacts/c_1", "{\"name\":\"Bea\"}").expect(200);
		JsonNode contact = http.get("/api/contacts/c_1").json();
		JsonNode sequence = http.get("/api/sequences/warm_lead").json();
		long item = http.get("/api/knowledge?kind=faq").json().get("items").get(0).get("id").longValue();

		assertField(http.put("/api/contacts/c_1", "{\"name\":\"Bea Lima\",\"status\":\"opted_out\"}"), "status");
		assertField(http.put("/api/contacts/c_1", "{\"externalId\":\"c_2\"}"), "externalId");
		assertField(http.put("/api/contacts/c_2", "{\"name\":\"New\",\"tags\":[\"vip\"]}"), "tags");
		assertField(http.put("/api/sequences/warm_lead", with(sequence, "version", 99)), "version");
		assertField(http.put("/api/sequences/warm_lead", with(sequence, "key", "no_show")), "key");
		ObjectNode renumbered = (ObjectNode) sequence.deepCopy();
		((ObjectNode) renumbered.withArray("steps").get(1)).put("stepNo", 7);
		assertField(http.put("/api/sequences/warm_lead", renumbered.toString()), "steps[1].stepNo");
		assertField(http.put("/api/knowledge/" + item,
				"{\"id\":" + (item + 1) + ",\"kind\":\"faq\",\"content\":\"Changed?\"}"), "id");

		assertThat(http.get("/api/contacts/c_1").json()).isEqualTo(contact);
		assertThat(http.get("/api/contacts/c_2").status()).isEqualTo(404);
		assertThat(http.get("/api/sequences/warm_lead").json()).isEqualTo(sequence);
		assertThat(http.get("/api/knowledge/" + item).json().get("content").stringValue()).isNotEqualTo("Changed?");
	}

	private static String with(JsonNode body, String field, Object value) {
		ObjectNode copy = (ObjectNode) body.deepCopy();
		if (value instanceof Integer number) {
			copy.put(field, number);
		}
		else {
			copy.put(field, value.toString());
		}
		return copy.toString();
	}

}
