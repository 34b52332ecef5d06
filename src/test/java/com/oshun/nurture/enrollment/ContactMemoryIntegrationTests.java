package com.oshun.nurture.enrollment;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.ChatwootWebhooks;
import com.oshun.nurture.IntegrationTest;

import java.time.Instant;
import java.util.List;

import com.oshun.nurture.compose.ContextBuilder;
import com.oshun.nurture.compose.MessageContext;
import com.oshun.nurture.contact.ContactRepository;
import com.oshun.nurture.sequence.SequenceCatalog;
import com.oshun.nurture.sequence.SequenceKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a patient tells us in a reply is kept as contact memory, with the message it came
 * from, and reaches the context of every later message.
 */
class ContactMemoryIntegrationTests extends IntegrationTest {

	@Autowired
	ContextBuilder contexts;

	@Autowired
	ContactRepository contacts;

	@Autowired
	SequenceCatalog sequences;

	@Test
	void aReplyThatTellsAboutAWeddingAndAFearOfNeedlesIsRememberedAndReachesTheNextMessage() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		String phone = jdbc.sql("select phone from contacts").query(String.class).single();
		Instant at = START.plusSeconds(3600);
		ChatwootWebhooks
			.post(http, ChatwootWebhooks.incoming(phone, "Desculpa! Vou casar em junho. Tenho medo de agulha.", at))
			.expect(202);
		ChatwootWebhooks.post(http, ChatwootWebhooks.incoming(phone, "Estou ausente até segunda. Festa!", at))
			.expect(202);

		List<String> rows = jdbc.sql("""
				select m.topic || ' | ' || m.content || ' | ' || m.origin from memory_knowledge m
				join messages g on g.id = m.source_message_id and g.contact_id = m.contact_id
				where m.kind = 'memory' order by m.id
				""").query(String.class).list();
		assertThat(rows).as("the auto-reply tells nothing")
			.containsExactly("event | Vou casar em junho. | contact", "pain | Tenho medo de agulha. | contact");

		long contactId = jdbc.sql("select id from contacts").query(Long.class).single();
		var sequence = sequences.current(SequenceKey.NO_SHOW);
		MessageContext context = contexts.buildContext(contacts.get(contactId), sequence, sequence.steps().get(1),
				"whatsapp", at);
		assertThat(context.memories()).containsExactly("Vou casar em junho.", "Tenho medo de agulha.");
	}

}
