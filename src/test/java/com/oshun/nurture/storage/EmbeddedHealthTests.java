package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL's health as a clinic's monitor reads it: a disk getting full
 * warns while the service stays up, a full one or a postmaster gone is DOWN.
 */
class EmbeddedHealthTests {

	private static final long MB = 1024 * 1024;

	private final Path dir = Path.of("/var/lib/nurture/postgres");

	@Test
	void plentyOfRoomIsUp() {
		Health health = health(true, 5_000 * MB, DataSize.ofGigabytes(1));

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("dataDirectory", dir.toString())
			.containsEntry("free", 5_000 * MB)
			.containsEntry("total", 20_000 * MB)
			.containsEntry("threshold", 1024 * MB)
			.containsEntry("running", true)
			.containsEntry("restarts", 0);
	}

	@Test
	void belowTheThresholdWarnsWithoutTakingTheServiceDown() {
		Health health = health(true, 900 * MB, DataSize.ofGigabytes(1));

		assertThat(health.getStatus()).isEqualTo(EmbeddedHealth.WARNING);
		assertThat(health.getDetails()).containsEntry("state", "free space below nurture.embedded.min-free-space");
	}

	@Test
	void aDiskAboutToRefuseWritesIsDown() {
		Health health = health(true, 63 * MB, DataSize.ofGigabytes(1));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("state")).startsWith("disk full");
	}

	@Test
	void aThresholdSmallerThanFullIsWhereDownStarts() {
		assertThat(health(true, 20 * MB, DataSize.ofMegabytes(10)).getStatus()).isEqualTo(Status.UP);
		assertThat(health(true, 9 * MB, DataSize.ofMegabytes(10)).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aPostmasterBeingStartedAgainIsDownAndCounted() {
		Instant restarted = Instant.parse("2026-12-02T06:48:14Z");
		Health health = new EmbeddedHealth(dir, postmaster(false, 2, restarted), disk(5_000 * MB),
				DataSize.ofGigabytes(1))
			.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("running", false)
			.containsEntry("restarts", 2)
			.containsEntry("lastRestartAt", restarted.toString())
			.containsEntry("state", "not running: being started again");
	}

	@Test
	void aDiskThatCannotBeReadIsDown() {
		EmbeddedHealth.Disk broken = new EmbeddedHealth.Disk() {
			@Override
			public long usable() throws IOException {
				throw new IOException("no such file");
			}

			@Override
			public long total() throws IOException {
				throw new IOException("no such file");
			}
		};
		Health health = new EmbeddedHealth(dir, postmaster(true, 0, null), broken, DataSize.ofGigabytes(1)).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("state")).contains("no such file");
	}

	private Health health(boolean running, long free, DataSize threshold) {
		return new EmbeddedHealth(dir, postmaster(running, 0, null), disk(free), threshold).health();
	}

	private static EmbeddedHealth.Disk disk(long free) {
		return new EmbeddedHealth.Disk() {
			@Override
			public long usable() {
				return free;
			}

			@Override
			public long total() {
				return 20_000 * MB;
			}
		};
	}

	private static EmbeddedHealth.Postmaster postmaster(boolean running, int restarts, Instant last) {
		return new EmbeddedHealth.Postmaster() {
			@Override
			public boolean running() {
				return running;
			}

			@Override
			public int restarts() {
				return restarts;
			}

			@Override
			public Optional<Instant> lastRestart() {
				return Optional.ofNullable(last);
			}
		};
	}

}
