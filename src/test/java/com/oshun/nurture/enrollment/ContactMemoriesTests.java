package com.oshun.nurture.enrollment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMemoriesTests {

	@Test
	void anEventAWorryAndABudgetAreEachKeptInTheContactsOwnWords() {
		assertThat(ContactMemories
			.find("Oi! Vou casar em junho. Tenho muito medo de agulha, dói muito? Meu orçamento é de R$ 800."))
			.containsExactly(new ContactMemories.Memory("event", "Vou casar em junho."),
					new ContactMemories.Memory("pain", "Tenho muito medo de agulha, dói muito?"),
					new ContactMemories.Memory("budget", "Meu orçamento é de R$ 800."));
		assertThat(ContactMemories.find("It's for my sister's wedding in May, and I can only spend about $300"))
			.extracting(ContactMemories.Memory::topic)
			.containsExactly("event", "budget");
		assertThat(ContactMemories.find("Es para mi boda. ¿Duele mucho?")).extracting(ContactMemories.Memory::topic)
			.containsExactly("event", "pain");
	}

	@Test
	void anOrdinaryReplyTellsNothingAboutThePerson() {
		assertThat(ContactMemories.find("Obrigada, vou ver e te aviso")).isEmpty();
		assertThat(ContactMemories.find("What times do you have on Friday?")).isEmpty();
		assertThat(ContactMemories.find(null)).isEmpty();
	}

	@Test
	void aLongSentenceIsShortened() {
		String words = "Vou casar " + "e ".repeat(200) + "pronto.";
		assertThat(ContactMemories.find(words).get(0).words()).hasSize(ContactMemories.LONGEST).endsWith("…");
	}

}
