package com.oshun.nurture.web;

import java.util.Optional;

import com.oshun.nurture.storage.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps exceptions to problem+json at the edge. Input problems name their field; nothing
 * an outsider sends turns into a 500; a database that cannot do the work (a full disk, a
 * restart) is a 503 with {@code Retry-After}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final RefusalLog refusals = new RefusalLog();

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInput ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(Rejected.class)
	ResponseEntity<ProblemDetail> rejected(Rejected ex) {
		return problem(ex.status(), ex.getMessage(), ex.field());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = JsonPaths.of(ex);
		return problem(HttpStatus.BAD_REQUEST,
				(field.equals("body")) ? "body is not valid JSON" : field + " has the wrong type", field);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getName() + " has the wrong format", ex.getName());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getParameterName() + " is required", ex.getParameterName());
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler(RefusedTransition.class)
	ResponseEntity<ProblemDetail> conflict(RefusedTransition ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, ex.getMessage(), null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type must be application/json", "Content-Type");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "no such resource", null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		Optional<String> unavailable = DatabaseUnavailable.reason(ex);
		if (unavailable.isPresent()) {
			// Nothing was stored: a sender that tries again later loses nothing.
			refusals.log(unavailable.get());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(RefusalLog.RETRY_AFTER.toSeconds()))
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						"the database cannot store this now; nothing was stored, try again later"));
		}
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error", null);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
