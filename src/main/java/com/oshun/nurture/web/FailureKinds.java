package com.oshun.nurture.web;

import java.util.StringJoiner;

/**
 * What a WARN says of a failure: its class and its causes' classes. Messages stay at
 * DEBUG, as they can carry patient data (a constraint's values, a message text).
 */
public final class FailureKinds {

	private FailureKinds() {
	}

	public static String of(Throwable failure) {
		StringJoiner kinds = new StringJoiner(" <- ");
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
			kinds.add(cause.getClass().getName());
		}
		return kinds.toString();
	}

}
