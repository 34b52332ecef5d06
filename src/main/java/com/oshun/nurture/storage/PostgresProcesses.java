package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL processes of one data directory, found through {@code /proc} (the
 * embedded binaries are Linux only): a {@code postgres} executable whose working
 * directory is the data directory, the postmaster and every child it forked.
 */
final class PostgresProcesses {

	static final Path PROC = Path.of("/proc");

	private final Path dataDir;

	PostgresProcesses(Path dataDir) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
	}

	Path dataDir() {
		return dataDir;
	}

	List<ProcessHandle> running() {
		if (!Files.isDirectory(PROC) || !Files.isDirectory(dataDir)) {
			return List.of();
		}
		Path dir = realPath(dataDir);
		return ProcessHandle.allProcesses().filter(process -> isPostgres(process) && dir.equals(cwd(process))).toList();
	}

	/** The postmaster {@code postmaster.pid} names, while it runs on this directory. */
	Optional<ProcessHandle> postmaster() {
		Path pidFile = dataDir.resolve("postmaster.pid");
		try {
			List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
			long pid = Long.parseLong(lines.isEmpty() ? "-1" : lines.get(0).trim());
			return running().stream().filter(process -> process.pid() == pid).findFirst();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Whether every process of the data directory exited within the timeout. */
	boolean awaitGone(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!running().isEmpty()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info()
			.command()
			.map(command -> Path.of(command).getFileName().toString())
			.orElse("")
			.equals("postgres");
	}

	/** Null for a process gone, a zombie, or one not ours to read. */
	private static Path cwd(ProcessHandle process) {
		try {
			return Files.readSymbolicLink(PROC.resolve(Long.toString(process.pid())).resolve("cwd"));
		}
		catch (IOException | SecurityException ex) {
			return null;
		}
	}

	private static Path realPath(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path;
		}
	}

}
