package com.oshun.nurture.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database cannot do it now, try later" (a 503), as the driver
 * and Spring hand them over.
 */
class DatabaseUnavailableTests {

	@Test
	void aFullDiskIsTheDatabasesOwnFirstLine() {
		SQLException full = new SQLException(
				"ERROR: could not extend file \"base/5/16444\": No space left on device\n  Hint: Check free disk space.",
				"53100");

		assertThat(DatabaseUnavailable.reason(new DataAccessResourceFailureException("insert ...", full)))
			.contains("ERROR: could not extend file \"base/5/16444\": No space left on device (SQLSTATE 53100)");
	}

	@Test
	void aLostConnectionARestartAndAnEmptyPoolAreUnavailable() {
		assertThat(DatabaseUnavailable.reason(
				new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)))
			.isPresent();
		assertThat(DatabaseUnavailable.reason(new SQLException("the database system is starting up", "57P03")))
			.isPresent();
		assertThat(DatabaseUnavailable.reason(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("nurture - Connection is not available, request timed out"))))
			.isPresent();
	}

	@Test
	void aRefusedRowOrABugIsNot() {
		assertThat(DatabaseUnavailable.reason(new DuplicateKeyException("duplicate",
				new SQLException("ERROR: duplicate key value violates unique constraint", "23505"))))
			.isEmpty();
		assertThat(DatabaseUnavailable.reason(new IllegalArgumentException("bug"))).isEmpty();
		assertThat(DatabaseUnavailable.reason(new SQLException("no state"))).isEmpty();
	}

}
