package com.oshun.nurture.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a dead owner left on a data directory, cleared before the next start. A killed JVM
 * leaves its postmaster running, holding the data directory: it is stopped
 * ({@code pg_ctl stop -m fast}, SIGKILL after the timeout). Children of a postmaster that
 * died hold its shared memory until they notice; they are waited for, then killed. A
 * {@code postmaster.pid} whose PID now names another process (after a reboot or a
 * container restart) would make PostgreSQL refuse to start: with none of its processes
 * left, it is stale and goes. A postmaster.pid naming no process at all PostgreSQL
 * handles itself.
 */
final class LeftoverPostgres {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

	private final PostgresProcesses processes;

	private final Path dataDir;

	LeftoverPostgres(PostgresProcesses processes) {
		this.processes = processes;
		this.dataDir = processes.dataDir();
	}

	void clear(Duration timeout) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile) || !Files.isDirectory(PostgresProcesses.PROC)) {
			return;
		}
		assertNoLiveOwner();
		long pid = pid(pidFile);
		List<ProcessHandle> leftovers = processes.running();
		Optional<ProcessHandle> postmaster = leftovers.stream().filter(process -> process.pid() == pid).findFirst();
		if (postmaster.isPresent()) {
			log.warn("PostgreSQL left running on {} (pid {}) by a previous start: stopping it", dataDir, pid);
			stop(postmaster.get(), timeout);
		}
		else if (!leftovers.isEmpty()) {
			log.warn("{} processes of a dead PostgreSQL still hold {}: waiting for them", leftovers.size(), dataDir);
		}
		if (!processes.awaitGone(timeout)) {
			log.warn("PostgreSQL on {} did not stop within {}: killing it", dataDir, timeout);
			processes.running().forEach(ProcessHandle::destroyForcibly);
			processes.awaitGone(timeout);
		}
		if (Files.exists(pidFile) && Files.exists(PostgresProcesses.PROC.resolve(Long.toString(pid)))) {
			log.warn("{} names pid {}, no PostgreSQL of this data directory: removing the stale file", pidFile, pid);
			Files.deleteIfExists(pidFile);
		}
	}

	/**
	 * zonky's lock file is held while a JVM runs its PostgreSQL: a live owner's server is
	 * no leftover.
	 */
	private void assertNoLiveOwner() throws IOException {
		Path lockFile = dataDir.resolve("epg-lock");
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw new IllegalStateException(dataDir + " is in use by another running process (it holds " + lockFile
						+ "); give each Nurture its own NURTURE_DATA_DIR");
			}
		}
		catch (OverlappingFileLockException ex) {
			throw new IllegalStateException(dataDir + " is in use by another embedded PostgreSQL of this JVM", ex);
		}
	}

	/** {@code pg_ctl stop -m fast} with the binaries the postmaster itself runs from. */
	private void stop(ProcessHandle postmaster, Duration timeout) throws IOException {
		Optional<Path> pgCtl = postmaster.info()
			.command()
			.map(command -> Path.of(command).resolveSibling("pg_ctl"))
			.filter(Files::isExecutable);
		if (pgCtl.isEmpty()) {
			postmaster.destroy();
			return;
		}
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// As zonky runs it: pg_ctl refuses to run as root.
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(pgCtl.get().toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t",
				Long.toString(Math.max(1, timeout.toSeconds()))));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (InputStream output = process.getInputStream()) {
			String text = new String(output.readAllBytes(), StandardCharsets.UTF_8).trim();
			if (process.waitFor() != 0) {
				log.warn("pg_ctl stop on {} answered {}: {}", dataDir, process.exitValue(), text);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The first line of {@code postmaster.pid}; -1 when it cannot be read. */
	private static long pid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		try {
			return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
