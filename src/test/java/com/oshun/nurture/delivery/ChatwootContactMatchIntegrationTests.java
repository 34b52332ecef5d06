package com.oshun.nurture.delivery;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootStubs;
import com.oshun.nurture.IntegrationTest;

import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.oshun.nurture.ChatwootStubs.ACCOUNT;
import static com.oshun.nurture.ChatwootStubs.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding the person Chatwoot already knows: by phone, then by e-mail (Chatwoot's e-mail
 * is unique in an account, so a second contact with it is refused), the phone attached to
 * the contact found, and the WhatsApp conversation opened there.
 */
class ChatwootContactMatchIntegrationTests extends IntegrationTest {

	/** The booking's Brazilian mobile, as WhatsApp writes it (without its 9th digit). */
	private static final String BOOKED = "55119999" + String.format("%04d", Math.abs("c_1".hashCode()) % 10000);

	/** The same mobile as stored, with its 9th digit. */
	private static final String DIGITS = "55119" + BOOKED.substring(4);

	private static final String PHONE = "+" + DIGITS;

	private static final String OTHER_FORM = "+" + BOOKED;

	private static final String EMAIL = "c_1@example.com";

	private static final String SEARCH = ACCOUNT + "/contacts/search";

	@BeforeEach
	void chatwootKnowsTheEmail() {
		delivery.useChatwoot();
		// what Chatwoot answers a second contact with a taken e-mail
		CHATWOOT.stubFor(post(urlPathEqualTo(ACCOUNT + "/contacts")).atPriority(1)
			.willReturn(ChatwootStubs.invalid("Email has already been taken", "email")));
	}

	@Test
	void aPatientChatwootKnowsByEmailOnlyGetsOurPhoneAndTheWhatsappConversationThere() {
		emailSearchFinds(ChatwootStubs.contact(301, "Joana", "joana" + EMAIL, null),
				ChatwootStubs.contact(300, "Ana S.", EMAIL, null, ChatwootStubs.widgetContactInbox()));
		CHATWOOT.stubFor(put(urlPathEqualTo(ACCOUNT + "/contacts/300")).atPriority(1)
			.willReturn(ChatwootStubs.json("{\"payload\":"
					+ ChatwootStubs.contact(300, "Ana S.", EMAIL, PHONE, ChatwootStubs.widgetContactInbox()) + "}")));
		CHATWOOT.stubFor(post(urlPathEqualTo(ACCOUNT + "/contacts/300/contact_inboxes")).atPriority(1)
			.willReturn(ChatwootStubs.json(ChatwootStubs.whatsappContactInbox(DIGITS))));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT6H");

		assertThat(stepStatus()).isEqualTo("sent");
		assertThat(searches()).containsExactly(PHONE, OTHER_FORM, EMAIL);
		assertThat(CHATWOOT.findAll(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts")))).isEmpty();
		assertThat(body(only(putRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/300")))).toString())
			.isEqualTo("{\"phone_number\":\"" + PHONE + "\"}");
		assertThat(body(only(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/300/contact_inboxes")))).toString())
			.isEqualTo("{\"inbox_id\":4}");
		JsonNode conversation = body(only(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations"))));
		assertThat(conversation.get("contact_id").longValue()).isEqualTo(300);
		assertThat(conversation.get("source_id").stringValue()).isEqualTo(DIGITS);
		assertThat(chatwootKeys()).containsExactly("chatwoot:300");
	}

	@Test
	void aContactFoundByEmailWithAnotherPhoneKeepsItAndIsWrittenToOnOurs() {
		emailSearchFinds(ChatwootStubs.contact(300, "Ana S.", EMAIL, "+5511988887777",
				ChatwootStubs.whatsappContactInbox("5511988887777")));
		// the other number's open conversation, which must not get our message
		CHATWOOT.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/300/conversations")).atPriority(1)
			.willReturn(ChatwootStubs.json("{\"payload\":[" + ChatwootStubs.conversation(55) + "]}")));
		CHATWOOT.stubFor(post(urlPathEqualTo(ACCOUNT + "/contacts/300/contact_inboxes")).atPriority(1)
			.willReturn(ChatwootStubs.json(ChatwootStubs.whatsappContactInbox(DIGITS))));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT6H");

		assertThat(stepStatus()).isEqualTo("sent");
		assertThat(CHATWOOT.findAll(putRequestedFor(urlPathMatching(ACCOUNT + "/contacts/.*")))).isEmpty();
		assertThat(body(only(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/300/contact_inboxes")))).toString())
			.isEqualTo("{\"inbox_id\":4,\"source_id\":\"" + DIGITS + "\"}");
		JsonNode conversation = body(only(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations"))));
		assertThat(conversation.get("contact_id").longValue()).isEqualTo(300);
		assertThat(conversation.get("source_id").stringValue()).isEqualTo(DIGITS);
		assertThat(only(postRequestedFor(urlPathMatching(MESSAGES))).getUrl())
			.isEqualTo(ACCOUNT + "/conversations/42/messages");
		assertThat(jdbc.sql("select conversation_id || ' ' || source_id from chatwoot_conversations")
			.query(String.class)
			.single()).isEqualTo("42 " + DIGITS);
		assertThat(chatwootKeys()).containsExactly("chatwoot:300");
	}

	@Test
	void ourPhoneTakenByAnotherContactSinceTheSearchRoutesToThatContact() {
		CHATWOOT.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo(PHONE))
			.atPriority(1)
			.inScenario("phone")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("taken")
			.willReturn(ChatwootStubs.json(ChatwootStubs.searchResult())));
		CHATWOOT.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo(PHONE))
			.atPriority(1)
			.inScenario("phone")
			.whenScenarioStateIs("taken")
			.willReturn(ChatwootStubs.json(ChatwootStubs.searchResult(ChatwootStubs.contact(207, "Ana Souza", null,
					PHONE, ChatwootStubs.whatsappContactInbox(DIGITS))))));
		emailSearchFinds(ChatwootStubs.contact(300, "Ana S.", EMAIL, null, ChatwootStubs.widgetContactInbox()));
		CHATWOOT.stubFor(put(urlPathEqualTo(ACCOUNT + "/contacts/300")).atPriority(1)
			.willReturn(ChatwootStubs.invalid("Phone number has already been taken", "phone_number")));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT6H");

		assertThat(stepStatus()).isEqualTo("sent");
		assertThat(searches()).containsExactly(PHONE, OTHER_FORM, EMAIL, PHONE);
		JsonNode conversation = body(only(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations"))));
		assertThat(conversation.get("contact_id").longValue()).isEqualTo(207);
		assertThat(conversation.get("source_id").stringValue()).isEqualTo(DIGITS);
		assertThat(chatwootKeys()).containsExactly("chatwoot:207");
	}

	@Test
	void theExactEmailIsLookedForPastAFirstPageOfLooseMatches() {
		CHATWOOT.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo(EMAIL))
			.withQueryParam("page", absent())
			.atPriority(1)
			.willReturn(ChatwootStubs
				.json(ChatwootStubs.searchResult(ChatwootStubs.contact(301, "Joana", "joana" + EMAIL, null))
					.replace("\"has_more\":false", "\"has_more\":true"))));
		CHATWOOT.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo(EMAIL))
			.withQueryParam("page", equalTo("2"))
			.atPriority(1)
			.willReturn(
					ChatwootStubs.json(ChatwootStubs.searchResult(ChatwootStubs.contact(300, "Ana S.", EMAIL, null)))));
		CHATWOOT.stubFor(put(urlPathEqualTo(ACCOUNT + "/contacts/300")).atPriority(1)
			.willReturn(
					ChatwootStubs.json("{\"payload\":" + ChatwootStubs.contact(300, "Ana S.", EMAIL, PHONE) + "}")));
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);

		advance("PT6H");

		assertThat(stepStatus()).isEqualTo("sent");
		assertThat(chatwootKeys()).containsExactly("chatwoot:300");
		// both forms of the phone, then two pages by e-mail
		assertThat(CHATWOOT.findAll(getRequestedFor(urlPathEqualTo(SEARCH)))).hasSize(4);
	}

	private void emailSearchFinds(String... contacts) {
		CHATWOOT.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo(EMAIL))
			.atPriority(2)
			.willReturn(ChatwootStubs.json(ChatwootStubs.searchResult(contacts))));
	}

	private List<String> searches() {
		return CHATWOOT.findAll(getRequestedFor(urlPathEqualTo(SEARCH)))
			.stream()
			.map(search -> search.queryParameter("q").firstValue())
			.toList();
	}

	private String stepStatus() {
		return jdbc.sql("select status || coalesce(': ' || reason, '') from nurture_step_runs where step_no = 1")
			.query(String.class)
			.single();
	}

	private List<String> chatwootKeys() {
		return jdbc.sql("select key from contact_keys where key like 'chatwoot:%'").query(String.class).list();
	}

	private static LoggedRequest only(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
		List<LoggedRequest> found = CHATWOOT.findAll(pattern);
		assertThat(found).as("requests matching %s; all: %s", pattern.build(),
				CHATWOOT.findAll(anyRequestedFor(urlPathMatching(".*"))).stream().map(LoggedRequest::getUrl).toList())
			.hasSize(1);
		return found.get(0);
	}

	private static JsonNode body(LoggedRequest request) {
		return JsonMapper.builder().build().readTree(request.getBodyAsString());
	}

}
