package com.oshun.nurture.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL on one data directory: started after clearing what a killed
 * predecessor left running there, and stopped whole (the service's stop waits until none
 * of its processes is left).
 */
final class EmbeddedServer implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private final EmbeddedPostgres postgres;

	private final PostgresProcesses processes;

	private EmbeddedServer(EmbeddedPostgres postgres, PostgresProcesses processes) {
		this.postgres = postgres;
		this.processes = processes;
	}

	static EmbeddedServer start(Path dir, EmbeddedSettings settings) throws IOException {
		Files.createDirectories(dir.getParent());
		PostgresProcesses processes = new PostgresProcesses(dir);
		new LeftoverPostgres(processes).clear(STOP_WAIT);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// The context stops it after the pool closed; zonky's own shutdown hook would
			// stop it under the graceful shutdown's last transactions.
			.setRegisterShutdownHook(false)
			.setPGStartupWait(settings.startupWait())
			.setServerConfig("max_connections", "200");
		if (settings.durable()) {
			// zonky's test defaults are -F (fsync off) and synchronous_commit=off; a -c
			// given after -F wins.
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL on port {}, data in {}{}", postgres.getPort(), dir,
				settings.durable() ? "" : ", not durable (nurture.embedded.durable=false): a crash can lose data");
		return new EmbeddedServer(postgres, processes);
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void close() throws IOException {
		postgres.close();
		if (!processes.awaitGone(STOP_WAIT)) {
			log.warn("Embedded PostgreSQL still running {} after its stop; the next start stops it", STOP_WAIT);
		}
	}

}
