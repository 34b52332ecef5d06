package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The {@code postmaster.pid} cases that need no PostgreSQL to show; a postmaster left
 * running by a killed JVM is {@code NodeFailureIntegrationTests}' embedded run.
 */
class LeftoverPostgresTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path dir;

	@Test
	void aPidFileNamingAnotherLiveProcessIsStaleAndGoes() throws IOException {
		// After a reboot or a container restart the old postmaster's PID can belong to
		// anything; PostgreSQL would take it for a running server and refuse to start.
		Path pidFile = pidFile(ProcessHandle.current().pid());

		leftovers().clear(TIMEOUT);

		assertThat(pidFile).doesNotExist();
	}

	@Test
	void aPidFileNamingNoProcessIsLeftToPostgres() throws Exception {
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		Path pidFile = pidFile(finished.pid());

		leftovers().clear(TIMEOUT);

		assertThat(pidFile).exists();
	}

	@Test
	void aDataDirectoryWhoseOwnerStillRunsIsNotTouched() throws IOException {
		Path pidFile = pidFile(ProcessHandle.current().pid());
		try (FileChannel channel = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			assertThatIllegalStateException().isThrownBy(() -> leftovers().clear(TIMEOUT))
				.withMessageContaining("in use by another embedded PostgreSQL");
		}
		assertThat(pidFile).exists();
	}

	private LeftoverPostgres leftovers() {
		return new LeftoverPostgres(new PostgresProcesses(dir));
	}

	/**
	 * As PostgreSQL writes it: pid, data directory, start time, port, socket directory.
	 */
	private Path pidFile(long pid) throws IOException {
		return Files.writeString(dir.resolve("postmaster.pid"),
				"%d%n%s%n1796190478%n55432%n/tmp%nlocalhost%n".formatted(pid, dir));
	}

}
