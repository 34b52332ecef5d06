package com.oshun.nurture.storage;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.BooleanSupplier;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, failing at once while the embedded PostgreSQL's postmaster is gone (being
 * started again): otherwise every request, health check and scrape would wait the pool's
 * 30 s for a connection first, and a monitor would see a timeout instead of DOWN, a
 * sender a timeout instead of 503.
 */
final class EmbeddedDataSource extends DelegatingDataSource implements Closeable {

	private final HikariDataSource pool;

	private final BooleanSupplier running;

	EmbeddedDataSource(HikariDataSource pool, BooleanSupplier running) {
		super(pool);
		this.pool = pool;
		this.running = running;
	}

	@Override
	public Connection getConnection() throws SQLException {
		assertRunning();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		assertRunning();
		return super.getConnection(username, password);
	}

	private void assertRunning() throws SQLTransientConnectionException {
		if (!running.getAsBoolean()) {
			throw new SQLTransientConnectionException(
					"the embedded PostgreSQL is not running: it is being started again", "08001");
		}
	}

	@Override
	public void close() {
		pool.close();
	}

}
