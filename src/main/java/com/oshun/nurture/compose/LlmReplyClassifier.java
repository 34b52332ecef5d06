package com.oshun.nurture.compose;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ReplyClassifier} through the configured LLM (LangChain4j, the composer's
 * providers): one call at temperature 0 that answers {@code {"label": ..., "date": ...}},
 * read strictly. A label outside the set is {@code other}; a date that is not ISO, not
 * after today or more than 18 months away is dropped. A timeout, an HTTP error, a refusal
 * or an answer that is not JSON is a failure, and the rules' decision stands.
 */
final class LlmReplyClassifier implements ReplyClassifier {

	private static final Logger log = LoggerFactory.getLogger(LlmReplyClassifier.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_TOKENS = 60;

	private static final int MAX_REPLY = 1000;

	static final String SYSTEM = """
			You classify one reply a patient wrote to a clinic's follow-up messages, in English, Spanish or
			Portuguese. Answer only JSON: {"label": "<label>", "date": "YYYY-MM-DD" or null}.
			Labels:
			- book: wants to book an appointment or asks for a free time
			- later: wants to be written to later; "date" is the first day they name (an ISO date after today), else null
			- price: objects to the price or asks what it costs
			- question: asks something else a person at the clinic should answer
			- not_interested: does not want the treatment or the conversation
			- auto_reply: an automatic or out-of-office message
			- other: anything else
			Nothing else is a label. A request to stop messages is not yours to decide: answer "other".
			""";

	private final ChatModel model;

	private final String name;

	private final Semaphore turns;

	private final long waitMillis;

	LlmReplyClassifier(LlmSettings settings) {
		this(LlmModels.create(
				new LlmSettings(settings.provider(), settings.baseUrl(), settings.apiKey(), settings.model(),
						settings.classifyTimeout(), settings.maxConcurrent(), MAX_TOKENS, settings.classifyTimeout()),
				0.0), settings);
	}

	LlmReplyClassifier(ChatModel model, LlmSettings settings) {
		this.model = model;
		this.name = "llm:" + settings.provider().trim().toLowerCase(Locale.ROOT) + "/" + LlmModels.modelName(settings);
		this.turns = new Semaphore(Math.max(1, settings.maxConcurrent()));
		this.waitMillis = settings.classifyTimeout().toMillis();
	}

	@Override
	public boolean available() {
		return true;
	}

	@Override
	public Answer classify(String reply, String language, LocalDate today) {
		try {
			if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
				return Answer.failed(name, "llm busy: no free call slot");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Answer.failed(name, "llm interrupted");
		}
		try {
			ChatResponse response = model.chat(ChatRequest.builder()
				.messages(List.of(SystemMessage.from(SYSTEM), UserMessage.from(user(reply, language, today))))
				.build());
			return read(response, today);
		}
		catch (RuntimeException ex) {
			String failure = LlmComposer.failure(ex);
			log.warn("LLM reply classification failed: {}", failure);
			return Answer.failed(name, failure);
		}
		finally {
			turns.release();
		}
	}

	static String user(String reply, String language, LocalDate today) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("today", today.toString());
		input.put("language", language);
		String text = (reply != null) ? reply.strip() : "";
		input.put("reply", (text.length() <= MAX_REPLY) ? text : text.substring(0, MAX_REPLY));
		return JSON.writeValueAsString(input);
	}

	Answer read(ChatResponse response, LocalDate today) {
		String text = (response.aiMessage() != null) ? response.aiMessage().text() : null;
		if (response.finishReason() == FinishReason.CONTENT_FILTER || text == null || text.isBlank()) {
			return Answer.failed(name, "llm refused or answered nothing");
		}
		int start = text.indexOf('{');
		int end = text.lastIndexOf('}');
		if (start < 0 || end <= start) {
			return Answer.failed(name, "llm answer is not JSON");
		}
		JsonNode answer;
		try {
			answer = JSON.readTree(text.substring(start, end + 1));
		}
		catch (JacksonException ex) {
			return Answer.failed(name, "llm answer is malformed JSON");
		}
		return validated(answer, today);
	}

	/** The answer as far as it holds: an unknown label is {@code other}. */
	Answer validated(JsonNode answer, LocalDate today) {
		JsonNode label = answer.get("label");
		if (label == null || !label.isString()) {
			return Answer.failed(name, "llm JSON has no label");
		}
		String value = label.stringValue().strip();
		if (!LABELS.contains(value)) {
			return new Answer("other", null, name, null, "unknown label \"" + shorten(value) + "\" read as other");
		}
		if (!"later".equals(value)) {
			return new Answer(value, null, name, null, null);
		}
		JsonNode date = answer.get("date");
		if (date == null || date.isNull()) {
			return new Answer(value, null, name, null, null);
		}
		try {
			LocalDate wanted = date.isString() ? LocalDate.parse(date.stringValue().strip()) : null;
			if (wanted != null && wanted.isAfter(today) && !wanted.isAfter(today.plusMonths(18))) {
				return new Answer(value, wanted, name, null, null);
			}
		}
		catch (DateTimeParseException ex) {
			// dropped below
		}
		return new Answer(value, null, name, null, "date \"" + shorten(date.asString()) + "\" dropped");
	}

	private static String shorten(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

}
