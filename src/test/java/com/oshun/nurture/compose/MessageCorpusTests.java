package com.oshun.nurture.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.oshun.nurture.contact.Contact;
import com.oshun.nurture.contact.MessageRepository;
import com.oshun.nurture.preferences.Preference;
import com.oshun.nurture.sequence.SequenceDefinition;
import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.sequence.StepDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in composer's corpus: every objective of every default sequence, then the
 * drip that follows, for synthetic contacts in English, Spanish and Portuguese, composed
 * through the guarded composer with the demo clinic's knowledge and each contact's
 * earlier messages. Checked: every step gets a message, no sentence repeats within a
 * contact's messages, no key or placeholder reaches the patient, phone-sized length, the
 * contact's language and first name, "today" only on the missed appointment's day, no ISO
 * dates. The corpus is written to {@code target/message-corpus.md} to be read.
 */
class MessageCorpusTests {

	/** A WhatsApp preview shows about this many characters: the first sentence fits. */
	static final int PREVIEW = 100;

	/** The longest message, link included: a phone screen without scrolling. */
	static final int MESSAGE = 320;

	static final Instant START = Instant.parse("2026-01-05T12:00:00Z");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern TODAY = Pattern.compile("(?<![\\p{L}])(today|hoy|hoje)(?![\\p{L}])",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern FIRST_SENTENCE = Pattern.compile("^.*?[.!?][\"»]?(?=\\s|$)");

	/**
	 * The default sequences' objectives (sequence/DefaultSequences), drip of six months.
	 */
	static final List<SequenceDefinition> SEQUENCES = List.of(
			new SequenceDefinition(SequenceKey.WARM_LEAD, 1, "helpful, unhurried", LocalTime.of(10, 0), "corpus", 10,
					List.of(StepDefinition.onDay(1, "info", 1), StepDefinition.onDay(2, "social_proof", 3),
							StepDefinition.onDay(3, "offer", 7), StepDefinition.onDay(4, "education", 10),
							StepDefinition.onDay(5, "nudge", 14))),
			new SequenceDefinition(SequenceKey.NO_SHOW, 1, "direct, warm, never guilt", LocalTime.of(10, 0), "corpus",
					10,
					List.of(StepDefinition.after(1, "reschedule", Duration.ofHours(2)),
							StepDefinition.onDay(2, "availability", 2), StepDefinition.onDay(3, "reassure", 4),
							StepDefinition.onDay(4, "nudge", 7))),
			new SequenceDefinition(SequenceKey.LAPSED, 1, "warm, acknowledges the relationship", LocalTime.of(10, 0),
					"corpus", 10,
					List.of(StepDefinition.onDay(1, "we_miss_you", 1), StepDefinition.onDay(2, "maintenance", 5),
							StepDefinition.onDay(3, "returning_offer", 12), StepDefinition.onDay(4, "check_in", 20))));

	static final SequenceDefinition DRIP = drip();

	/** A synthetic contact: who, and what they wrote or we learned. */
	record Person(String name, String locale, String zone, String procedure, String lastMessage, boolean priceSensitive,
			boolean heldToNextDay) {
	}

	static final List<Person> PEOPLE = List.of(
			new Person("Emma Clarke", "en-GB", "Europe/London", "botox", null, false, false),
			new Person("Ben Carter", "en-US", "America/New_York", "fillers", "Does it hurt a lot?", true, true),
			new Person("Liam Walsh", "en-IE", "Europe/Dublin", "skin", null, false, false),
			new Person("Carmen Ruiz", "es-ES", "Europe/Madrid", "skin", null, false, false),
			new Person("Lucía Gómez", "es-MX", "America/Mexico_City", "fillers", "¿Cuánto cuesta?", true, true),
			new Person("Pablo Díaz", "es-ES", "Europe/Madrid", "botox", null, false, false),
			new Person("Ana Souza", "pt-BR", "America/Sao_Paulo", "botox", null, false, false),
			new Person("Rafael Lima", "pt-BR", "America/Sao_Paulo", "fillers", "Vou pensar, está caro", true, true),
			new Person("Júlia Alves", "pt-PT", "Europe/Lisbon", "skin", null, false, false),
			new Person(null, "pt-BR", "America/Sao_Paulo", null, null, false, false));

	/** One contact's run: a sequence and the drip after it. */
	record Run(Person person, SequenceDefinition sequence, List<Step> steps) {
	}

	record Step(SequenceKey sequence, int stepNo, String objective, Instant at, MessageContext context,
			ComposedMessage message) {
	}

	static final List<Run> RUNS = new ArrayList<>();

	@BeforeAll
	static void render() throws IOException {
		GuardedComposer composer = new GuardedComposer(Optional.empty(), new BuiltInComposer(),
				new Guardrails((contactId, names) -> false),
				date -> TestContexts.DEMO.stream().filter(item -> item.validOn(date)).toList());
		long id = 1;
		for (Person person : PEOPLE) {
			for (SequenceDefinition sequence : SEQUENCES) {
				RUNS.add(run(composer, id++, person, sequence));
			}
		}
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/message-corpus.md"), markdown(), StandardCharsets.UTF_8);
	}

	private static Run run(GuardedComposer composer, long id, Person person, SequenceDefinition sequence) {
		Contact contact = new Contact(id, "corpus_" + id, person.name(), "+5511999990000", null,
				ZoneId.of(person.zone()), Contact.ZoneSource.CONTACT, person.locale(), "whatsapp", null,
				person.procedure(), List.of(), true, "active", List.of(), null, null, null, null, null, null, null);
		List<MessageRepository.Message> recent = (person.lastMessage() != null) ? List
			.of(new MessageRepository.Message(START.minus(Duration.ofDays(1)), "in", "whatsapp", person.lastMessage()))
				: List.of();
		List<Preference> learned = person.priceSensitive()
				? List.of(new Preference("price_sensitivity", "high", 0.75, 2, START)) : List.of();
		// A no-show at 10:00 local; the reschedule goes two hours later, or is held to
		// the next morning.
		Instant missed = START.atZone(contact.zone()).toLocalDate().atTime(10, 0).atZone(contact.zone()).toInstant();
		List<String> sent = new ArrayList<>();
		List<Step> steps = new ArrayList<>();
		for (SequenceDefinition definition : List.of(sequence, DRIP)) {
			Instant begin = (definition == DRIP)
					? at(sequence, lastStep(sequence), missed, person).plus(Duration.ofDays(1)) : missed;
			for (StepDefinition step : definition.steps()) {
				Instant at = (definition == DRIP) ? begin.plus(Duration.ofDays(step.day() - 1))
						: at(definition, step, missed, person);
				LocalDate today = at.atZone(contact.zone()).toLocalDate();
				List<KnowledgeItem> valid = TestContexts.DEMO.stream().filter(item -> item.validOn(today)).toList();
				MessageContext context = ContextBuilder
					.assemble(contact, definition, step, "whatsapp", at, recent, learned, List.of(), valid,
							(definition.key() == SequenceKey.NO_SHOW) ? missed : null, TestContexts.SETTINGS)
					.withEarlier(sent);
				ComposedMessage message = composer.compose(context);
				if (message.text() != null) {
					sent.add(message.text());
				}
				steps.add(new Step(definition.key(), step.stepNo(), step.objective(), at, context, message));
			}
		}
		return new Run(person, sequence, steps);
	}

	private static StepDefinition lastStep(SequenceDefinition sequence) {
		return sequence.steps().get(sequence.steps().size() - 1);
	}

	private static Instant at(SequenceDefinition sequence, StepDefinition step, Instant start, Person person) {
		if (step.delay() != null) {
			Instant due = start.plus(step.delay());
			return person.heldToNextDay() ? due.plus(Duration.ofHours(20)) : due;
		}
		return start.plus(Duration.ofDays(step.day() - 1));
	}

	private static SequenceDefinition drip() {
		List<StepDefinition> steps = new ArrayList<>();
		for (int month = 1; month <= 6; month++) {
			steps.add(StepDefinition.onDay(month, "drip", 1 + 30 * month));
		}
		return new SequenceDefinition(SequenceKey.DRIP, 1, "thoughtful, never pushy", LocalTime.of(10, 0), "corpus", 0,
				steps);
	}

	private static List<Step> allSteps() {
		return RUNS.stream().flatMap(run -> run.steps().stream()).toList();
	}

	@Test
	void everyStepOfEverySequenceAndTheDripGetsAMessage() {
		assertThat(RUNS).hasSize(PEOPLE.size() * SEQUENCES.size());
		assertThat(allSteps()).hasSize(PEOPLE.size() * (13 + 3 * 6));
		assertThat(allSteps()).allSatisfy(step -> assertThat(step.message().text())
			.as("%s #%d %s: %s", step.sequence(), step.stepNo(), step.objective(), step.message().reason())
			.isNotNull());
		assertThat(allSteps().stream().map(Step::objective).distinct())
			.containsExactlyInAnyOrderElementsOf(TestContexts.OBJECTIVES);
	}

	@Test
	void noSentenceRepeatsWithinAContactsMessages() {
		for (Run run : RUNS) {
			List<String> seen = new ArrayList<>();
			for (Step step : run.steps()) {
				for (String sentence : Repeats.sentences(step.message().text())) {
					assertThat(seen).as("%s, %s #%d", run.person().name(), step.sequence(), step.stepNo())
						.doesNotContain(sentence);
					seen.add(sentence);
				}
			}
		}
	}

	@Test
	void openingsVaryFromOneMessageToTheNext() {
		for (Run run : RUNS) {
			for (int i = 1; i < run.steps().size(); i++) {
				assertThat(opening(run.steps().get(i).message().text()))
					.isNotEqualTo(opening(run.steps().get(i - 1).message().text()));
			}
		}
	}

	@Test
	void eachFaqStoryAndOfferReachesAContactAtMostOnce() {
		List<KnowledgeItem> once = TestContexts.DEMO.stream()
			.filter(item -> List.of(KnowledgeItem.FAQ, KnowledgeItem.STORY, KnowledgeItem.OFFER).contains(item.kind()))
			.toList();
		for (Run run : RUNS) {
			for (KnowledgeItem item : once) {
				String mark = KnowledgeItem.FAQ.equals(item.kind()) ? BuiltInComposer.faqQuestion(item.content())
						: BuiltInComposer.snippet(item.content());
				assertThat(run.steps().stream().filter(step -> step.message().text().contains(mark)).count())
					.as("%s: %s", run.person().name(), mark)
					.isLessThanOrEqualTo(1);
			}
		}
	}

	@Test
	void noKeyPlaceholderOrIsoDateReachesThePatient() {
		for (Step step : allSteps()) {
			String text = step.message().text();
			assertThat(text).doesNotContain("{", "}", "[name]", "_", "null");
			assertThat(ISO_DATE.matcher(text).find()).as(text).isFalse();
			String procedure = step.context().procedure();
			String name = step.context().procedureName();
			if (procedure != null && name != null && !name.contains(procedure)) {
				String withoutKnowledge = text;
				for (KnowledgeItem item : step.context().knowledge()) {
					withoutKnowledge = withoutKnowledge.replace(BuiltInComposer.snippet(item.content()), "");
				}
				assertThat(Pattern.compile("(?<![\\p{L}])" + procedure + "(?![\\p{L}])")
					.matcher(withoutKnowledge.toLowerCase(Locale.ROOT))
					.find()).as(text).isFalse();
			}
		}
	}

	@Test
	void messagesAreShortEnoughForAPhone() {
		assertThat(allSteps().stream().map(step -> step.message().text()))
			.filteredOn(text -> text.length() > MESSAGE || firstSentence(text).length() > PREVIEW)
			.isEmpty();
	}

	@Test
	void messagesAreInTheContactsLanguageAndGreetThemByFirstName() {
		assertThat(allSteps())
			.filteredOn(step -> !Languages.detect(step.message().text()).equals(Optional.of(step.context().language())))
			.extracting(step -> step.message().text())
			.isEmpty();
		assertThat(allSteps()).filteredOn(step -> step.context().firstName() != null)
			.allSatisfy(step -> assertThat(firstSentence(step.message().text())).contains(step.context().firstName()));
	}

	@Test
	void todayIsSaidOnlyOnTheMissedAppointmentsDay() {
		// A story may say "today" about itself; the no-show's own words may not.
		for (Step step : allSteps().stream().filter(step -> step.sequence() == SequenceKey.NO_SHOW).toList()) {
			boolean onTheDay = step.context().missedAppointmentAt() != null
					&& MissedDay.of(step.context()) == MissedDay.When.TODAY;
			if (!onTheDay) {
				assertThat(TODAY.matcher(step.message().text()).find()).as(step.message().text()).isFalse();
			}
		}
		assertThat(allSteps()).anySatisfy(step -> assertThat(step.message().text()).contains("yesterday"));
	}

	@Test
	void offersAreDatedTheWayTheLocaleWritesThem() {
		assertThat(allSteps()).anySatisfy(step -> assertThat(step.message().text()).contains("30 June 2027"));
		assertThat(allSteps()).anySatisfy(step -> assertThat(step.message().text()).contains("30 de junio de 2027"));
		assertThat(allSteps()).anySatisfy(step -> assertThat(step.message().text()).contains("30 de junho de 2027"));
	}

	private static String firstSentence(String text) {
		java.util.regex.Matcher matcher = FIRST_SENTENCE.matcher(text);
		return matcher.find() ? matcher.group() : text;
	}

	private static String opening(String text) {
		String[] words = text.split(" ");
		return words[0] + " " + words[1];
	}

	private static String markdown() {
		StringBuilder out = new StringBuilder("""
				# The built-in composer's messages

				Written by `MessageCorpusTests`: every default sequence and the drip after it, for synthetic
				contacts in three languages, composed with the demo clinic's knowledge. First sentence at most
				%d characters (a WhatsApp preview), a message at most %d.

				""".formatted(PREVIEW, MESSAGE));
		for (Run run : RUNS) {
			Person person = run.person();
			out.append("## ")
				.append((person.name() != null) ? person.name() : "(no name)")
				.append(" (")
				.append(person.locale())
				.append(", ")
				.append((person.procedure() != null) ? person.procedure() : "no procedure")
				.append(", ")
				.append(run.sequence().key().key())
				.append(" then drip")
				.append((person.lastMessage() != null) ? ", wrote \"" + person.lastMessage() + "\"" : "")
				.append(person.priceSensitive() ? ", price-sensitive" : "")
				.append(")\n\n");
			for (Step step : run.steps()) {
				out.append("- ")
					.append(step.sequence().key())
					.append(" #")
					.append(step.stepNo())
					.append(" ")
					.append(step.context().objective())
					.append((step.message().text() != null)
							? " (" + step.message().text().length() + " chars): " + step.message().text()
							: ": REFUSED, " + step.message().reason())
					.append('\n');
			}
			out.append('\n');
		}
		return out.toString();
	}

}
