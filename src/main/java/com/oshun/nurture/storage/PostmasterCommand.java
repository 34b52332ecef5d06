package com.oshun.nurture.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line a running postmaster was started with (binary, data directory, port,
 * settings), read from {@code /proc}, to start the same server again after it died. zonky
 * is not asked: a start of its that fails keeps its lock on the data directory until the
 * JVM exits, so a second attempt could never succeed.
 */
final class PostmasterCommand {

	/** The server's own log lines, as zonky logs them. */
	private static final Logger serverLog = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private final List<String> command;

	private PostmasterCommand(List<String> command) {
		this.command = List.copyOf(command);
	}

	static Optional<PostmasterCommand> of(ProcessHandle postmaster) {
		ProcessHandle.Info info = postmaster.info();
		return info.command().flatMap(binary -> info.arguments().map(arguments -> {
			List<String> command = new ArrayList<>();
			if (LinuxUtils.isUnshareAvailable()) {
				// As zonky runs it: PostgreSQL refuses to run as root.
				command.addAll(List.of("unshare", "-U"));
			}
			command.add(binary);
			command.addAll(List.of(arguments));
			return new PostmasterCommand(command);
		}));
	}

	/**
	 * The postmaster, started in the background (its output goes to the log), once it
	 * lets {@code database} in.
	 */
	ProcessHandle startAndAwait(Path dataDir, DataSource database, Duration wait) throws IOException {
		Process started = start(dataDir);
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			try (Connection connection = database.getConnection()) {
				connection.isValid(5);
				return started.toHandle();
			}
			catch (SQLException ex) {
				if (!started.isAlive()) {
					throw new IOException("the postmaster exited (its log lines above say why)", ex);
				}
				if (System.nanoTime() > deadline) {
					started.destroy();
					throw new IOException("no connection within " + wait, ex);
				}
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while PostgreSQL was starting", ex);
			}
		}
	}

	private Process start(Path dataDir) throws IOException {
		Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true).start();
		Thread output = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				reader.lines().forEach(serverLog::info);
			}
			catch (IOException | UncheckedIOException ex) {
				// the postmaster is gone
			}
		}, "postgres:pid(" + process.pid() + ")");
		output.setDaemon(true);
		output.start();
		return process;
	}

}
