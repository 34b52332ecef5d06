package com.oshun.nurture.storage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL again when its postmaster is gone while the service
 * runs. PostgreSQL restarts its own processes after one of them crashed (a PANIC on a
 * full disk included); only when the postmaster itself exits (its crash recovery failed,
 * it was killed) nothing else would: the pool would wait for a database that never comes
 * back. Looked at every {@link #INTERVAL}; a start that fails is tried again, waiting
 * twice as long each time up to a minute.
 */
final class PostmasterWatch implements EmbeddedHealth.Postmaster, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PostmasterWatch.class);

	static final Duration INTERVAL = Duration.ofSeconds(2);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	private final EmbeddedServer server;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "embedded-postgres-watch");
		thread.setDaemon(true);
		return thread;
	});

	private volatile ProcessHandle postmaster;

	private volatile int restarts;

	private volatile Instant lastRestart;

	private volatile boolean closed;

	private volatile boolean watching;

	private Duration backoff = INTERVAL;

	PostmasterWatch(EmbeddedServer server) {
		this.server = server;
	}

	void start() {
		postmaster = server.postmaster().orElse(null);
		if (postmaster == null) {
			log.warn(
					"The embedded PostgreSQL's postmaster cannot be read in /proc: it is not started again should it die");
			return;
		}
		watching = true;
		executor.schedule(this::look, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether the postmaster runs: false while it is being started again, true when it
	 * cannot be watched.
	 */
	@Override
	public boolean running() {
		ProcessHandle current = postmaster;
		return !watching || (current != null && current.isAlive());
	}

	@Override
	public int restarts() {
		return restarts;
	}

	@Override
	public Optional<Instant> lastRestart() {
		return Optional.ofNullable(lastRestart);
	}

	private void look() {
		Duration next = INTERVAL;
		if (!running() && !closed) {
			next = restart();
		}
		if (!closed) {
			executor.schedule(this::look, next.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private Duration restart() {
		log.warn("The embedded PostgreSQL on {} is gone (its postmaster, pid {}, exited): starting it again",
				server.dataDir(), postmaster.pid());
		try {
			postmaster = server.restart();
			restarts++;
			lastRestart = Instant.now();
			backoff = INTERVAL;
			log.warn("The embedded PostgreSQL on {} runs again, port {}", server.dataDir(), server.port());
			return INTERVAL;
		}
		catch (IOException | RuntimeException ex) {
			Duration wait = backoff;
			backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
			log.error("The embedded PostgreSQL on {} could not be started again ({}); trying again in {}",
					server.dataDir(), ex.toString(), wait);
			return wait;
		}
	}

	@Override
	public void close() {
		closed = true;
		executor.shutdownNow();
	}

}
