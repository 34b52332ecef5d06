package com.oshun.nurture.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
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
 * Asks an LLM (through LangChain4j) for one message as JSON. At most
 * {@code maxConcurrent} calls run at once; a caller that cannot get a turn within the
 * timeout gets a failure, and the built-in composer writes instead.
 */
class LlmComposer {

	private static final Logger log = LoggerFactory.getLogger(LlmComposer.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatModel model;

	private final String name;

	private final Semaphore turns;

	private final long waitMillis;

	LlmComposer(ChatModel model, String provider, LlmSettings settings) {
		this.model = model;
		this.name = "llm:" + provider;
		this.turns = new Semaphore(Math.max(1, settings.maxConcurrent()));
		this.waitMillis = settings.timeout().toMillis();
	}

	String name() {
		return name;
	}

	/** An answer: the message, or why there is none. */
	record Draft(String text, String failure) {

		static Draft failed(String failure) {
			return new Draft(null, failure);
		}

	}

	/** A conversation with the model about one message, so a retry carries the reason. */
	final class Conversation {

		private final List<ChatMessage> messages = new ArrayList<>();

		Conversation(MessageContext context) {
			messages.add(SystemMessage.from(LlmPrompt.system(context)));
			messages.add(UserMessage.from(LlmPrompt.user(context)));
		}

		Draft write() {
			return ask(messages);
		}

		Draft rewrite(String rejectedText, String reasons) {
			messages.add(AiMessage.from("{\"message\": " + JSON.writeValueAsString(rejectedText) + "}"));
			messages.add(UserMessage.from(LlmPrompt.retry(reasons)));
			return ask(messages);
		}

	}

	Conversation start(MessageContext context) {
		return new Conversation(context);
	}

	private Draft ask(List<ChatMessage> messages) {
		try {
			if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
				return Draft.failed("llm busy: no free call slot");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Draft.failed("llm interrupted");
		}
		try {
			ChatResponse response = model.chat(ChatRequest.builder().messages(List.copyOf(messages)).build());
			return read(response);
		}
		catch (RuntimeException ex) {
			String failure = failure(ex);
			log.warn("LLM call failed: {}", failure);
			return Draft.failed(failure);
		}
		finally {
			turns.release();
		}
	}

	static Draft read(ChatResponse response) {
		FinishReason finish = response.finishReason();
		String text = (response.aiMessage() != null) ? response.aiMessage().text() : null;
		if (finish == FinishReason.CONTENT_FILTER || (finish == FinishReason.OTHER && blank(text))) {
			return Draft.failed("llm refused");
		}
		if (blank(text)) {
			return Draft.failed("llm refused or answered nothing");
		}
		if (finish == FinishReason.LENGTH) {
			return Draft.failed("llm answer cut off at the token limit");
		}
		return parse(text);
	}

	static Draft parse(String text) {
		int start = text.indexOf('{');
		int end = text.lastIndexOf('}');
		if (start < 0 || end <= start) {
			return Draft.failed("llm answer is not JSON");
		}
		try {
			JsonNode message = JSON.readTree(text.substring(start, end + 1)).get("message");
			if (message == null || !message.isString()) {
				return Draft.failed("llm JSON has no message");
			}
			return new Draft(message.stringValue().strip(), null);
		}
		catch (JacksonException ex) {
			return Draft.failed("llm answer is malformed JSON");
		}
	}

	static String failure(RuntimeException ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException
					|| cause instanceof java.net.SocketTimeoutException) {
				return "llm timed out";
			}
			if (cause instanceof ContentFilteredException) {
				return "llm refused (content filter)";
			}
			if (cause instanceof RateLimitException) {
				return "llm rate limited (429)";
			}
			if (cause instanceof InternalServerException) {
				return "llm server error (5xx)";
			}
			if (cause instanceof HttpException http) {
				return "llm answered HTTP " + http.statusCode();
			}
			cause = cause.getCause();
		}
		return "llm failed: " + ex.getClass().getSimpleName();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
