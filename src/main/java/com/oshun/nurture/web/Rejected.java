package com.oshun.nurture.web;

import org.springframework.http.HttpStatus;

/**
 * A request refused as a whole (bad signature, body too large, endpoint not configured).
 */
public class Rejected extends RuntimeException {

	private final HttpStatus status;

	private final String field;

	public Rejected(HttpStatus status, String detail, String field) {
		super(detail);
		this.status = status;
		this.field = field;
	}

	public HttpStatus status() {
		return status;
	}

	public String field() {
		return field;
	}

}
