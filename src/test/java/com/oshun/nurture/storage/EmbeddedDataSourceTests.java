package com.oshun.nurture.storage;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * While the postmaster is being started again, a connection is refused at once (a 503, a
 * DOWN) instead of after the pool's 30 s wait.
 */
class EmbeddedDataSourceTests {

	@Test
	void aConnectionIsRefusedAtOnceWhileThePostmasterIsGone() {
		AtomicBoolean running = new AtomicBoolean(false);
		try (EmbeddedDataSource source = new EmbeddedDataSource(new HikariDataSource(), running::get)) {
			long started = System.nanoTime();

			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(source::getConnection)
				.satisfies(ex -> assertThat(DatabaseUnavailable.reason(ex)).isPresent());
			assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
		}
	}

}
