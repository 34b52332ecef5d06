package com.oshun.nurture.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;

/**
 * Whether a failure means the database cannot do the work right now, whatever the work:
 * unreachable or restarting (SQLSTATE class 08, 57P), out of resources (53: a full disk,
 * memory, connections), an I/O error of its own (58), or no pooled connection in time.
 * Worth a 503 and another try later, unlike a fault in the request or in the code.
 */
public final class DatabaseUnavailable {

	private static final List<String> STATES = List.of("08", "53", "57P", "58");

	private DatabaseUnavailable() {
	}

	/**
	 * The database's own words for it (the first line of its message: a file name, never
	 * a row's values), or empty when {@code failure} is something else.
	 */
	public static Optional<String> reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && (cause instanceof SQLTransientConnectionException
					|| (sql.getSQLState() != null && STATES.stream().anyMatch(sql.getSQLState()::startsWith)))) {
				String message = (sql.getMessage() != null) ? sql.getMessage().strip() : "";
				int end = message.indexOf('\n');
				return Optional
					.of(((end >= 0) ? message.substring(0, end) : message) + " (SQLSTATE " + sql.getSQLState() + ")");
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

}
