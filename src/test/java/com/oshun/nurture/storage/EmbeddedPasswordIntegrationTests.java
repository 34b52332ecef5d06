package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.NurtureSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The service's own embedded PostgreSQL, as anyone with a shell on the machine meets it:
 * no way in without the password in {@code NURTURE_DATA_DIR/postgres-password}, over TCP
 * or the Unix socket; the service itself in with it. And its health component.
 */
class EmbeddedPasswordIntegrationTests extends IntegrationTest {

	@Autowired
	private ObjectProvider<EmbeddedServer> embedded;

	@Autowired
	private NurtureSettings settings;

	private EmbeddedServer server;

	@BeforeEach
	void onlyOnTheEmbeddedDatabase() {
		server = embedded.getIfAvailable();
		assumeThat(server).as("the embedded PostgreSQL (no SPRING_DATASOURCE_URL)").isNotNull();
	}

	@Test
	void noPasswordAndAWrongOneAreRefusedTheStoredOneOpensIt() throws Exception {
		String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";

		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(url + "?user=postgres", null))
			.withMessageContaining("no password was provided");
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(url, "postgres"))
			.satisfies(ex -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
		String stored = Files.readString(settings.dataDir().resolve("postgres-password")).trim();
		try (Connection connection = connect(url, stored)) {
			assertThat(connection.isValid(5)).isTrue();
		}
		assertThat(count("select count(*) from pg_authid where rolname = 'postgres' and rolpassword like 'SCRAM%'"))
			.isOne();
	}

	@Test
	void everyRuleOfTheDataDirectoryAsksForThePassword() throws IOException {
		Path hba = server.dataDir().resolve("pg_hba.conf");

		assertThat(new HbaFile(server.dataDir()).trusts()).isFalse();
		assertThat(jdbc.sql("select distinct auth_method from pg_hba_file_rules where error is null")
			.query(String.class)
			.list()).containsExactly("scram-sha-256");
		assertThat(Files.readString(hba)).contains("local   all");
	}

	@Test
	void itsHealthNamesTheDataDirectoryAndTheFreeSpace() {
		var health = http.get("/actuator/health/embeddedPostgres").expect(200).json();

		// WARNING on a machine with less than 1 GB free, UP otherwise
		assertThat(health.get("status").stringValue()).isIn("UP", "WARNING");
		assertThat(health.get("details").get("dataDirectory").stringValue()).isEqualTo(server.dataDir().toString());
		assertThat(health.get("details").get("running").booleanValue()).isTrue();
		assertThat(health.get("details").get("free").longValue()).isPositive();
		assertThat(health.get("details").get("threshold").longValue()).isEqualTo(1024L * 1024 * 1024);
	}

	private static Connection connect(String url, String password) throws SQLException {
		return (password != null) ? DriverManager.getConnection(url, "postgres", password)
				: DriverManager.getConnection(url);
	}

}
