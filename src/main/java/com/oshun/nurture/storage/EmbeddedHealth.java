package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/**
 * {@code /actuator/health} component {@code embeddedPostgres}: whether the embedded
 * PostgreSQL's postmaster runs, how often it was started again, and the free space on its
 * disk. PostgreSQL refuses every write on a full disk (and may PANIC and restart), so
 * {@link #WARNING} below {@code nurture.embedded.min-free-space} (the service stays UP,
 * answering 200) leaves time to act, and DOWN below {@link #FULL}, when writes are about
 * to fail or already do, and while the postmaster is gone.
 */
final class EmbeddedHealth implements HealthIndicator {

	static final Status WARNING = new Status("WARNING", "the embedded PostgreSQL's disk is getting full");

	/** Four WAL segments: below, PostgreSQL may find no room for its next one. */
	static final DataSize FULL = DataSize.ofMegabytes(64);

	/** The free space of the data directory's file system. */
	interface Disk {

		long usable() throws IOException;

		long total() throws IOException;

	}

	/** The postmaster, as {@link PostmasterWatch} sees it. */
	interface Postmaster {

		boolean running();

		int restarts();

		Optional<Instant> lastRestart();

	}

	private final Path dataDir;

	private final Postmaster postmaster;

	private final Disk disk;

	private final DataSize minFree;

	EmbeddedHealth(Path dataDir, Postmaster postmaster, Disk disk, DataSize minFree) {
		this.dataDir = dataDir;
		this.postmaster = postmaster;
		this.disk = disk;
		this.minFree = minFree;
	}

	static Disk diskOf(Path dir) {
		return new Disk() {
			@Override
			public long usable() throws IOException {
				return Files.getFileStore(dir).getUsableSpace();
			}

			@Override
			public long total() throws IOException {
				return Files.getFileStore(dir).getTotalSpace();
			}
		};
	}

	@Override
	public Health health() {
		Health.Builder health = Health.unknown().withDetail("dataDirectory", dataDir.toString());
		boolean running = postmaster.running();
		health.withDetail("running", running).withDetail("restarts", postmaster.restarts());
		postmaster.lastRestart().ifPresent(at -> health.withDetail("lastRestartAt", at.toString()));
		long usable;
		try {
			usable = disk.usable();
			health.withDetail("free", usable).withDetail("total", disk.total());
		}
		catch (IOException ex) {
			return health.down().withDetail("state", "its disk cannot be read: " + ex.getMessage()).build();
		}
		health.withDetail("threshold", minFree.toBytes());
		long full = Math.min(FULL.toBytes(), minFree.toBytes());
		if (!running) {
			return health.down().withDetail("state", "not running: being started again").build();
		}
		if (usable < full) {
			return health.down()
				.withDetail("state", "disk full: PostgreSQL refuses writes, webhooks are answered 503")
				.build();
		}
		if (usable < minFree.toBytes()) {
			return health.status(WARNING)
				.withDetail("state", "free space below nurture.embedded.min-free-space")
				.build();
		}
		return health.up().withDetail("state", "running").build();
	}

}
