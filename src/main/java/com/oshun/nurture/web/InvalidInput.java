package com.oshun.nurture.web;

/**
 * Input that cannot be accepted, naming the field at fault. Answered as 400 problem+json.
 */
public class InvalidInput extends RuntimeException {

	private final String field;

	public InvalidInput(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
