package com.oshun.nurture.admin;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;

import com.oshun.nurture.storage.Timestamps;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/reports/funnel} on a known data set built through the webhooks and the
 * admin API: three no-shows, one replies and books, one opts out, one runs to the drip
 * and books three weeks after it.
 */
class FunnelIntegrationTests extends IntegrationTest {

	@Test
	void countsEachSequenceAndStep() {
		buildDataSet();

		JsonNode noShow = sequence(http.get("/api/reports/funnel?from=2026-01-01&to=2026-03-31").expect(200).json(),
				"no_show");
		assertThat(counts(noShow)).isEqualTo("3 3 1 2 1 1");
		assertThat(noShow.get("rates").get("booked").doubleValue()).isEqualTo(0.667);
		assertThat(noShow.get("rates").get("replied").doubleValue()).isEqualTo(0.333);
		JsonNode steps = noShow.get("steps");
		assertThat(steps).hasSize(4);
		assertThat(steps.get(0).get("objective").stringValue()).isEqualTo("reschedule");
		assertThat(counts(steps.get(0))).isEqualTo("3 3 1 2 1 1");
		assertThat(counts(steps.get(1))).isEqualTo("3 1 0 1 0 1");
		assertThat(steps.get(1).get("cancelled").longValue()).isEqualTo(2);

		JsonNode drip = sequence(http.get("/api/reports/funnel?from=2026-01-01&to=2026-03-31").json(), "drip");
		assertThat(counts(drip)).isEqualTo("1 0 0 1 0 0");
	}

	@Test
	void countsOnlyEnrollmentsStartedInThePeriod() {
		buildDataSet();

		JsonNode later = http.get("/api/reports/funnel?from=2026-01-06T00:00:00Z&to=2026-03-31T00:00:00Z")
			.expect(200)
			.json();
		assertThat(counts(sequence(later, "no_show"))).isEqualTo("0 0 0 0 0 0");
		assertThat(sequence(later, "no_show").get("steps")).isEmpty();
		assertThat(counts(sequence(later, "drip"))).startsWith("1 ");
		assertThat(counts(sequence(http.get("/api/reports/funnel").json(), "no_show"))).startsWith("3 ");
	}

	@Test
	void rejectsABadPeriod() {
		assertThat(http.get("/api/reports/funnel?from=yesterday").expect(400).json().get("field").stringValue())
			.isEqualTo("from");
		assertThat(http.get("/api/reports/funnel?from=2026-02-01&to=2026-01-01")
			.expect(400)
			.json()
			.get("field")
			.stringValue()).isEqualTo("from");
	}

	private void buildDataSet() {
		for (String contact : new String[] { "c_1", "c_2", "c_3" }) {
			http.booking(BookingJson.noShow("evt_ns_" + contact, contact)).expect(202);
		}
		advance("PT6H");
		inbound("c_1", "Oi, posso remarcar?");
		http.booking(booking("evt_bk_1", "c_1", "bk_new_1")).expect(202);
		http.post("/api/contacts/c_3/opt-out", "{}").expect(200);
		advance("P9D");
		advance("P20D");
		http.booking(booking("evt_bk_2", "c_2", "bk_new_2")).expect(202);
	}

	private void inbound(String contact, String text) {
		jdbc.sql("""
				insert into messages (contact_id, direction, channel, content, created_at)
				select id, 'in', 'whatsapp', :text, :at from contacts where external_id = :c
				""").param("text", text).param("at", Timestamps.param(now())).param("c", contact).update();
	}

	private static String booking(String eventId, String contact, String bookingId) {
		return BookingJson.created(eventId, contact).replace("\"bk_" + contact + "\"", "\"" + bookingId + "\"");
	}

	private static JsonNode sequence(JsonNode funnel, String key) {
		for (JsonNode row : funnel.get("sequences")) {
			if (row.get("sequence").stringValue().equals(key)) {
				return row;
			}
		}
		throw new AssertionError("no " + key + " in " + funnel);
	}

	/** enrolled messaged replied booked optedOut movedToDrip */
	private static String counts(JsonNode row) {
		return row.get("enrolled").longValue() + " " + row.get("messaged").longValue() + " "
				+ row.get("replied").longValue() + " " + row.get("booked").longValue() + " "
				+ row.get("optedOut").longValue() + " " + row.get("movedToDrip").longValue();
	}

}
