package com.oshun.nurture.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL on one data directory: started after clearing what a killed
 * predecessor left running there, behind a password ({@link EmbeddedPassword}), started
 * again on the same port should its postmaster die ({@link PostmasterWatch}), and stopped
 * whole (the service's stop waits until none of its processes is left).
 */
final class EmbeddedServer implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

	static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private final Path dir;

	private final EmbeddedSettings settings;

	private final PostgresProcesses processes;

	private final PostmasterWatch watch;

	private EmbeddedPostgres postgres;

	private String password;

	private PostmasterCommand command;

	private boolean closed;

	private EmbeddedServer(Path dir, EmbeddedSettings settings) {
		this.dir = dir;
		this.settings = settings;
		this.processes = new PostgresProcesses(dir);
		this.watch = new PostmasterWatch(this);
	}

	static EmbeddedServer start(Path dir, EmbeddedSettings settings) throws IOException {
		Files.createDirectories(dir.getParent());
		EmbeddedServer server = new EmbeddedServer(dir, settings);
		server.launch();
		log.info("Embedded PostgreSQL on port {}, data in {}{}", server.port(), dir,
				settings.durable() ? "" : ", not durable (nurture.embedded.durable=false): a crash can lose data");
		server.watch.start();
		return server;
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl(EmbeddedPassword.USER, "postgres");
	}

	String password() {
		return password;
	}

	int port() {
		return postgres.getPort();
	}

	Path dataDir() {
		return dir;
	}

	PostmasterWatch watch() {
		return watch;
	}

	/**
	 * Its postmaster, as {@code postmaster.pid} names it; empty while none runs, or when
	 * its command line cannot be read to start it again.
	 */
	Optional<ProcessHandle> postmaster() {
		return (command != null) ? processes.postmaster() : Optional.empty();
	}

	/**
	 * Starts it again after its postmaster died, with the same command line (the same
	 * port: the pool's URL), once the dead one's children are gone.
	 */
	synchronized ProcessHandle restart() throws IOException {
		if (closed) {
			throw new IllegalStateException("the embedded PostgreSQL was stopped");
		}
		if (!processes.awaitGone(STOP_WAIT)) {
			processes.running().forEach(ProcessHandle::destroyForcibly);
			processes.awaitGone(STOP_WAIT);
		}
		return command.startAndAwait(dir, postgres.getPostgresDatabase(), settings.startupWait());
	}

	private void launch() throws IOException {
		new LeftoverPostgres(processes).clear(STOP_WAIT);
		EmbeddedPassword credentials = EmbeddedPassword.prepare(dir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// The context stops it after the pool closed; zonky's own shutdown hook would
			// stop it under the graceful shutdown's last transactions.
			.setRegisterShutdownHook(false)
			.setPGStartupWait(settings.startupWait())
			.setServerConfig("max_connections", "200")
			// Into the service's log (zonky's logger): LOG, FATAL and PANIC lines (a
			// crash, a full disk), not ERROR: a failed statement's detail can name a
			// patient.
			.setServerConfig("log_min_messages", "log")
			.setServerConfig("log_min_error_statement", "panic");
		if (settings.durable()) {
			// zonky's test defaults are -F (fsync off) and synchronous_commit=off; a -c
			// given after -F wins.
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		credentials.configure(builder);
		EmbeddedPostgres started;
		try {
			started = builder.start();
		}
		catch (IOException ex) {
			processes.running().forEach(ProcessHandle::destroy);
			if (EmbeddedPassword.refusedIn(ex)) {
				throw credentials.refused(ex);
			}
			throw ex;
		}
		credentials.secure(started, dir);
		password = credentials.value();
		postgres = started;
		command = processes.postmaster().flatMap(PostmasterCommand::of).orElse(null);
	}

	@Override
	public synchronized void close() throws IOException {
		closed = true;
		watch.close();
		// pg_ctl stop: whichever postmaster runs there, zonky's or one started again
		postgres.close();
		if (!processes.awaitGone(STOP_WAIT)) {
			log.warn("Embedded PostgreSQL still running {} after its stop; the next start stops it", STOP_WAIT);
		}
	}

}
