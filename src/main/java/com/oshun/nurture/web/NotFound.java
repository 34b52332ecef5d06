package com.oshun.nurture.web;

/**
 * The addressed resource does not exist. Answered as 404 problem+json.
 */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
