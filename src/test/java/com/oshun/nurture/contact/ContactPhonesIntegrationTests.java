package com.oshun.nurture.contact;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootStubs;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.VendorWebhooks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.oshun.nurture.ChatwootStubs.ACCOUNT;
import static com.oshun.nurture.ChatwootStubs.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every contact has the right time zone and phone: their own zone, else their phone's,
 * else the clinic's (São Paulo by default); phones through libphonenumber, national
 * formats read as a Brazilian clinic writes them, and a Brazilian mobile with or without
 * its 9th digit one person with one opt-out.
 */
class ContactPhonesIntegrationTests extends IntegrationTest {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	/** Ana's mobile as WhatsApp names it: without the 9th digit. */
	private static final String WHATSAPP_FORM = "+551187654321";

	private static final String STORED = "+5511987654321";

	private VendorWebhooks vendors;

	@BeforeEach
	void vendors() {
		vendors = new VendorWebhooks(http);
	}

	@Test
	void aContactFromAChatwootMessageGetsStepsAtTheSequencesHourInTheZoneOfTheirPhone() {
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(WHATSAPP_FORM, "Oi, tudo bem?", START)).expect(202);
		advance("P3D");

		http.booking(BookingJson.noShow("evt_1", "crm-1")
			.replace("\"timezone\":\"America/Sao_Paulo\",", "")
			.replaceAll("\"phone\":\"[^\"]+\"", "\"phone\":\"(11) 98765-4321\"")).expect(202);

		assertThat(count("select count(*) from contacts")).isEqualTo(1);
		JsonNode contact = http.get("/api/contacts/chatwoot:207").expect(200).json();
		assertThat(contact.get("phone").stringValue()).isEqualTo(STORED);
		assertThat(contact.get("timezone").stringValue()).isEqualTo("America/Sao_Paulo");
		assertThat(contact.get("timezoneSource").stringValue()).isEqualTo("phone");
		assertThat(contact.get("activeEnrollment").get("sequence").stringValue()).isEqualTo("no_show");
		// Enrolled Thursday 05:00 local: the first step waits for quiet hours to open,
		// the
		// others come at the sequence's 10:00 (day 4, a Sunday, moves to Monday's
		// opening).
		assertThat(localDueTimes()).containsExactly(LocalDateTime.parse("2026-01-08T09:00"),
				LocalDateTime.parse("2026-01-09T10:00"), LocalDateTime.parse("2026-01-12T09:00"),
				LocalDateTime.parse("2026-01-14T10:00"));
	}

	@Test
	void theBestHourLearnedFromRepliesAtTenPastSevenLocalIsSeven() {
		Instant tenPastSeven = LocalDateTime.parse("2026-01-05T19:10").atZone(SAO_PAULO).toInstant();
		http.post("/api/clock/advance", "{\"to\":\"" + tenPastSeven + "\"}").expect(200);

		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(WHATSAPP_FORM, "Obrigada!", tenPastSeven)).expect(202);

		JsonNode preferences = http.get("/api/contacts/chatwoot:207").expect(200).json().get("preferences");
		assertThat(preferences).filteredOn(preference -> preference.get("key").stringValue().equals("best_hour"))
			.singleElement()
			.satisfies(bestHour -> assertThat(bestHour.get("value").stringValue()).isEqualTo("19"));
		assertThat(http.get("/api/contacts/chatwoot:207/timeline").body()).contains("replied at 19:00 local time");
	}

	@Test
	void theAdminApiReadsNationalFormatsAndKeepsOnePersonPerMobile() {
		JsonNode created = http.put("/api/contacts/c_1", "{\"name\":\"Ana\",\"phone\":\"(11) 98765-4321\"}")
			.expect(200)
			.json();
		assertThat(created.get("phone").stringValue()).isEqualTo(STORED);
		assertThat(created.get("timezoneSource").stringValue()).isEqualTo("phone");

		http.put("/api/contacts/crm-9", "{\"phone\":\"+55 11 8765-4321\",\"email\":\"ana@example.com\"}").expect(200);

		assertThat(count("select count(*) from contacts")).isEqualTo(1);
		assertThat(http.get("/api/contacts/crm-9").json().get("externalId").stringValue()).isEqualTo("c_1");
		for (String written : List.of("%2B551187654321", "(11)%2098765-4321", "11987654321")) {
			assertThat(http.get("/api/contacts?q=" + written)
				.json()
				.get("contacts")
				.get(0)
				.get("externalId")
				.stringValue()).isEqualTo("c_1");
		}
		assertField(http.put("/api/contacts/c_2", "{\"phone\":\"(11) 1234\"}"), "phone");
		assertField(http.put("/api/contacts/c_2", "{\"phone\":\"call me on 11 98765-4321\"}"), "phone");
		assertThat(count("select count(*) from contacts")).isEqualTo(1);
	}

	@Test
	void ourBookingWebhookRefusesAPhoneThatIsNotANumberAndStoresNothing() {
		assertField(http
			.booking(BookingJson.noShow("evt_1", "c_1").replaceAll("\"phone\":\"[^\"]+\"", "\"phone\":\"(11) 1234\"")),
				"contact.phone");

		assertNothingStored();
	}

	@Test
	void theContactViewSaysWhichZoneIsUsedAndWhereItCameFrom() {
		http.put("/api/contacts/own", "{\"timezone\":\"Europe/Lisbon\",\"phone\":\"(11) 98765-4321\"}").expect(200);
		http.put("/api/contacts/atlanta", "{\"phone\":\"+1 404 555 1234\"}").expect(200);
		http.put("/api/contacts/toll-free", "{\"phone\":\"+1 800 555 1234\"}").expect(200);
		http.put("/api/contacts/no-phone", "{\"name\":\"Bea\"}").expect(200);

		assertThat(zone("own")).isEqualTo("Europe/Lisbon contact");
		assertThat(zone("atlanta")).isEqualTo("America/New_York phone");
		assertThat(zone("toll-free")).isEqualTo("America/Sao_Paulo clinic");
		assertThat(zone("no-phone")).isEqualTo("America/Sao_Paulo clinic");
	}

	@Test
	void aStopOnWhatsappWithoutTheNinthDigitHoldsForABookingWithIt() {
		delivery.useChatwoot();
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(WHATSAPP_FORM, "PARAR", START)).expect(202);
		assertThat(http.get("/api/contacts/chatwoot:207").json().get("status").stringValue()).isEqualTo("opted_out");

		vendors.calcom(calcomBooking("attendee@example.com", "\"phoneNumber\": \"+55 11 98765-4321\",")).expect(202);
		vendors.calcom(VendorWebhooks.example("calcom_no_show_updated.json")).expect(202);
		advance("P8D");

		assertThat(count("select count(*) from contacts")).isEqualTo(1);
		assertThat(http.get("/api/contacts/calcom:attendee@example.com").json().get("externalId").stringValue())
			.isEqualTo("chatwoot:207");
		assertThat(count("select count(*) from nurture_enrollments")).isZero();
		assertThat(jdbc.sql("select outcome from triggers where kind = 'booking.noShow'").query(String.class).single())
			.isEqualTo("not enrolled: contact opted out");
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))).isEmpty();
		assertThat(count("select count(*) from outbox")).isZero();
	}

	@Test
	void aStopOnWhatsappWithoutTheNinthDigitEndsTheEnrollmentOfABookingWithIt() {
		vendors.calcom(calcomBooking("attendee@example.com", "\"phoneNumber\": \"+55 11 98765-4321\",")).expect(202);
		vendors.calcom(VendorWebhooks.example("calcom_no_show_updated.json")).expect(202);

		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(WHATSAPP_FORM, "PARAR", START)).expect(202);

		assertThat(count("select count(*) from contacts")).isEqualTo(1);
		JsonNode contact = http.get("/api/contacts/calcom:attendee@example.com").json();
		assertThat(contact.get("status").stringValue()).isEqualTo("opted_out");
		assertThat(contact.get("activeEnrollment").isNull()).isTrue();
	}

	@Test
	void calcomsPlaceholderEmailForAPhoneOnlyBookerIsNeverStoredNorSent() {
		delivery.useChatwoot();
		String placeholder = "5511987654321@sms.cal.com";
		vendors.calcom(calcomBooking(placeholder, "")).expect(202);
		vendors
			.calcom(VendorWebhooks.example("calcom_no_show_updated.json").replace("attendee@example.com", placeholder))
			.expect(202);
		http.put("/api/contacts/c_2", "{\"name\":\"Bea\",\"email\":\"5511912345678@SMS.cal.com\"}").expect(200);

		advance("PT6H");

		JsonNode contact = http.get("/api/contacts/calcom:" + placeholder).expect(200).json();
		assertThat(contact.get("email").isNull()).isTrue();
		assertThat(contact.get("phone").stringValue()).isEqualTo(STORED);
		assertThat(http.get("/api/contacts/c_2").json().get("email").isNull()).isTrue();
		assertThat(count("select count(*) from contacts where email is not null")).isZero();
		JsonNode chatwootContact = body(
				CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts"))).get(0));
		assertThat(chatwootContact.get("phone_number").stringValue()).isEqualTo(STORED);
		assertThat(chatwootContact.has("email")).isFalse();
	}

	@Test
	void chatwootIsSearchedForTheOtherFormOfABrazilianMobileBeforeAContactIsCreatedThere() {
		delivery.useChatwoot();
		CHATWOOT.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/search")).withQueryParam("q", equalTo(WHATSAPP_FORM))
			.atPriority(1)
			.willReturn(ChatwootStubs.json("""
					{"meta":{"count":1,"current_page":1,"has_more":false},"payload":[
					 {"id":207,"name":"Ana Souza","phone_number":"+551187654321","email":null,"identifier":null,
					  "additional_attributes":{},"custom_attributes":{},"thumbnail":"","blocked":false,
					  "contact_inboxes":[{"source_id":"551187654321","inbox":{"id":4,"avatar_url":"","channel_id":1,
					  "name":"WhatsApp Sales","channel_type":"Channel::Whatsapp","provider":"whatsapp_cloud"}}]}]}
					""")));
		http.booking(
				BookingJson.noShow("evt_1", "c_1").replaceAll("\"phone\":\"[^\"]+\"", "\"phone\":\"" + STORED + "\""))
			.expect(202);

		advance("PT6H");

		assertThat(CHATWOOT.findAll(getRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/search"))))
			.extracting(search -> search.queryParameter("q").firstValue())
			.containsExactly(STORED, WHATSAPP_FORM);
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts")))).isEmpty();
		JsonNode conversation = body(
				CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations"))).get(0));
		assertThat(conversation.get("contact_id").longValue()).isEqualTo(207);
		assertThat(conversation.get("source_id").stringValue()).isEqualTo("551187654321");
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathMatching(MESSAGES)))).hasSize(1);
	}

	/**
	 * Contacts stored before this version: a missing zone stored as UTC, WhatsApp's form
	 * of a mobile, two contacts made of one person, Cal.com's placeholder as an e-mail.
	 * The migration is written to be run again, so it is run again over them.
	 */
	@Test
	void theMigrationMendsContactsStoredTheOldWay() throws Exception {
		jdbc.sql(
				"""
						insert into contacts (external_id, phone, email, timezone, status, created_at, updated_at) values
						  ('chatwoot:207', '+551187654321', null, 'UTC', 'opted_out', now(), now()),
						  ('calcom:ana@example.com', '+5511987654321', 'ana@example.com', 'America/Sao_Paulo', 'active', now(), now()),
						  ('calcom:5511912345678@sms.cal.com', '+551133334444', '5511912345678@sms.cal.com', 'UTC', 'active',
						   now(), now())
						""")
			.update();
		jdbc.sql("insert into contact_keys (key, contact_id) select external_id, id from contacts").update();

		try (var in = getClass().getResourceAsStream("/db/migration/V10__contact_phones.sql")) {
			String script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!statement.isBlank()) {
					jdbc.sql(statement).update();
				}
			}
		}

		assertThat(jdbc
			.sql("select external_id || ' ' || phone || ' ' || status || ' ' || coalesce(email, '-') || ' '"
					+ " || coalesce(timezone, '-') from contacts order by id")
			.query(String.class)
			.list()).containsExactly("chatwoot:207 +5511987654321 opted_out - -",
					"calcom:ana@example.com +5511987654321 opted_out ana@example.com America/Sao_Paulo",
					"calcom:5511912345678@sms.cal.com +551133334444 active - -");
		assertThat(zone("chatwoot:207")).isEqualTo("America/Sao_Paulo phone");
	}

	private String calcomBooking(String email, String phone) {
		return VendorWebhooks.example("calcom_booking_created.json")
			.replace("bFJeNb2uX8ANpT3JL5EfXw", "no-show-uid")
			.replace("john.doe@example.com", email)
			.replace("\"name\": \"John Doe\",", "\"name\": \"Ana Souza\", " + phone)
			.replace("2023-05-24T09:30:00.538Z", "2024-06-14T10:00:00.000Z");
	}

	private static JsonNode body(LoggedRequest request) {
		return JsonMapper.builder().build().readTree(request.getBodyAsString());
	}

	private String zone(String key) {
		JsonNode contact = http.get("/api/contacts/" + key).expect(200).json();
		return contact.get("timezone").stringValue() + " " + contact.get("timezoneSource").stringValue();
	}

	private List<LocalDateTime> localDueTimes() {
		return jdbc.sql("select due_at from nurture_step_runs order by step_no")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)
				.atZoneSameInstant(SAO_PAULO)
				.toLocalDateTime())
			.list();
	}

}
