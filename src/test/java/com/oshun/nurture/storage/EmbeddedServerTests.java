package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL on data directories of its own: a data directory an earlier
 * version made with {@code trust} is given a password in place and keeps its data; a lost
 * or wrong password file is refused with what to do; a postmaster that dies is started
 * again on the same port. (The service's own server refusing connections without the
 * password: {@code EmbeddedPasswordIntegrationTests}.)
 */
class EmbeddedServerTests {

	private static final EmbeddedSettings SETTINGS = new EmbeddedSettings(false, Duration.ofSeconds(20),
			DataSize.ofGigabytes(1));

	@TempDir
	Path dataDir;

	@Test
	void aDataDirectoryMadeWithTrustGetsAPasswordInPlaceAndKeepsItsData() throws Exception {
		Path dir = dataDir.resolve("postgres");
		// As Nurture before passwords left it: zonky's initdb -A trust, a row of data.
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.start()) {
			JdbcClient.create(old.getPostgresDatabase()).sql("create table kept (id int)").update();
			JdbcClient.create(old.getPostgresDatabase()).sql("insert into kept values (42)").update();
		}
		assertThat(new HbaFile(dir).trusts()).isTrue();

		try (EmbeddedServer server = EmbeddedServer.start(dir, SETTINGS)) {
			Path passwordFile = dataDir.resolve("postgres-password");
			assertThat(Files.readString(passwordFile).trim()).isEqualTo(server.password()).hasSize(48);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
				.isEqualTo("rw-------");
			assertThat(new HbaFile(dir).trusts()).isFalse();
			assertThat(jdbc(server, server.password()).sql("select id from kept").query(Integer.class).single())
				.isEqualTo(42);
			// the reload that makes the new pg_hba.conf apply is PostgreSQL's, a moment
			// later
			await().atMost(Duration.ofSeconds(10)).until(() -> refused(server, null));
		}

		// Started again: the password is required from the start, and still opens it.
		try (EmbeddedServer again = EmbeddedServer.start(dir, SETTINGS)) {
			assertThat(refused(again, null)).isTrue();
			assertThat(jdbc(again, again.password()).sql("select id from kept").query(Integer.class).single())
				.isEqualTo(42);
		}
	}

	@Test
	void aLostPasswordFileIsRefusedBeforeStartingWithWhatToDo() throws IOException {
		Path dir = dataDir.resolve("postgres");
		EmbeddedServer.start(dir, SETTINGS).close();
		Files.delete(dataDir.resolve("postgres-password"));

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedServer.start(dir, SETTINGS))
			.withMessageContaining("requires a password")
			.withMessageContaining(dataDir.resolve("postgres-password").toString())
			.withMessageContaining("'trust'");
		assertThat(new PostgresProcesses(dir).running()).isEmpty();
	}

	@Test
	void trustSetByHandAfterALostPasswordFileGetsANewPassword() throws IOException {
		Path dir = dataDir.resolve("postgres");
		EmbeddedServer.start(dir, SETTINGS).close();
		String lost = Files.readString(dataDir.resolve("postgres-password")).trim();
		Files.delete(dataDir.resolve("postgres-password"));
		Path hba = dir.resolve("pg_hba.conf");
		Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));

		try (EmbeddedServer server = EmbeddedServer.start(dir, SETTINGS)) {
			assertThat(server.password()).isNotEqualTo(lost);
			assertThat(jdbc(server, server.password()).sql("select 1").query(Integer.class).single()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(10)).until(() -> refused(server, lost));
		}
	}

	@Test
	void aWrongPasswordFileIsRefusedWithWhatToDoAndLeavesNothingRunning() throws IOException {
		Path dir = dataDir.resolve("postgres");
		EmbeddedServer.start(dir, SETTINGS).close();
		Files.writeString(dataDir.resolve("postgres-password"), "not-the-password\n");
		EmbeddedSettings quick = new EmbeddedSettings(false, Duration.ofSeconds(3), DataSize.ofGigabytes(1));

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedServer.start(dir, quick))
			.withMessageContaining("refused the password in " + dataDir.resolve("postgres-password"));
		assertThat(new PostgresProcesses(dir).awaitGone(Duration.ofSeconds(20))).isTrue();
	}

	@Test
	void aPostmasterThatDiesIsStartedAgainOnTheSamePort() throws IOException {
		try (EmbeddedServer server = EmbeddedServer.start(dataDir.resolve("postgres"), SETTINGS)) {
			int port = server.port();
			ProcessHandle first = server.postmaster().orElseThrow();

			first.destroyForcibly();

			await().atMost(Duration.ofSeconds(60)).until(() -> server.watch().restarts() == 1);
			assertThat(server.watch().running()).isTrue();
			assertThat(server.postmaster().orElseThrow().pid()).isNotEqualTo(first.pid());
			assertThat(server.port()).isEqualTo(port);
			assertThat(jdbc(server, server.password()).sql("select 1").query(Integer.class).single()).isEqualTo(1);
		}
	}

	private static JdbcClient jdbc(EmbeddedServer server, String password) {
		return JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), EmbeddedPassword.USER, password));
	}

	/** Whether a connection with this password (none when null) is refused. */
	private static boolean refused(EmbeddedServer server, String password) {
		String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
		try (Connection connection = (password != null) ? DriverManager.getConnection(url, "postgres", password)
				: DriverManager.getConnection(url + "?user=postgres")) {
			return false;
		}
		catch (SQLException ex) {
			return true;
		}
	}

}
