package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telling the {@code pg_hba.conf} of a data directory made with {@code initdb -A trust}
 * (Nurture before passwords) from one that requires a password.
 */
class HbaFileTests {

	@TempDir
	Path dir;

	@Test
	void theFileZonkysInitdbWroteTrustsEveryone() throws IOException {
		write("""
				# "local" is for Unix domain socket connections only
				local   all             all                                     trust
				# IPv4 local connections:
				host    all             all             127.0.0.1/32            trust
				host    replication     all             ::1/128                 trust
				""");

		assertThat(new HbaFile(dir).trusts()).isTrue();
	}

	@Test
	void theFileNurtureWritesAsksEveryoneForThePasswordAndOnlyItsOwnerReadsIt() throws IOException {
		write("host all all 127.0.0.1/32 trust\n");
		HbaFile hba = new HbaFile(dir);

		hba.requirePassword();

		assertThat(hba.trusts()).isFalse();
		assertThat(Files.readString(dir.resolve("pg_hba.conf")))
			.contains("host    all             all" + "             127.0.0.1/32            scram-sha-256");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pg_hba.conf"))))
			.isEqualTo("rw-------");
		assertThat(dir.resolve("pg_hba.conf.new")).doesNotExist();
	}

	@Test
	void trustInACommentIsNoRule() throws IOException {
		write("""
				# METHOD can be "trust", "reject", "md5", "password", "scram-sha-256"
				local   all   all   scram-sha-256   # was trust
				""");

		assertThat(new HbaFile(dir).trusts()).isFalse();
	}

	private void write(String content) throws IOException {
		Files.writeString(dir.resolve("pg_hba.conf"), content);
	}

}
