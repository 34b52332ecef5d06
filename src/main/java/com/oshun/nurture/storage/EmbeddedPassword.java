package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's superuser password, in
 * {@code NURTURE_DATA_DIR/postgres-password} (owner-only), generated on first start. A
 * new data directory is made with it (initdb {@code --pwfile}, password authentication
 * for local and TCP connections, so there is no moment without one); one that an earlier
 * version made with {@code trust} gets it while trust still applies, then its
 * {@code pg_hba.conf} asks for it. A data directory that asks for a password nobody has
 * any more is refused with what to do.
 */
final class EmbeddedPassword {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPassword.class);

	static final String USER = "postgres";

	private final String password;

	private final Path file;

	private final boolean fresh;

	private final boolean trusting;

	private EmbeddedPassword(String password, Path file, boolean fresh, boolean trusting) {
		this.password = password;
		this.file = file;
		this.fresh = fresh;
		this.trusting = trusting;
	}

	/** Before the server starts: the password its data directory has or will have. */
	static EmbeddedPassword prepare(Path dataDir) throws IOException {
		Path file = dataDir.resolveSibling("postgres-password");
		boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
		boolean trusting = !fresh && new HbaFile(dataDir).trusts();
		String stored = read(file);
		if (!fresh && !trusting && stored.isEmpty()) {
			throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " requires a password, and "
					+ file + " that held it is missing or empty. Restore that file from a backup of the data"
					+ " directory; or, to set a new password, replace every 'scram-sha-256' by 'trust' in "
					+ dataDir.resolve("pg_hba.conf") + " and start Nurture again: it then generates a new"
					+ " password, sets it and requires it again");
		}
		return new EmbeddedPassword(stored.isEmpty() ? generate(file) : stored, file, fresh, trusting);
	}

	String value() {
		return password;
	}

	/** zonky: its readiness check and data sources log in with the password. */
	void configure(EmbeddedPostgres.Builder builder) {
		builder.setConnectConfig("password", password);
		if (fresh) {
			// zonky runs initdb with -A trust and appends these as --key=value: the later
			// options win.
			builder.setLocaleConfig("pwfile", file.toString())
				.setLocaleConfig("auth-local", HbaFile.METHOD)
				.setLocaleConfig("auth-host", HbaFile.METHOD);
		}
	}

	/**
	 * After the start: a data directory that trusted every local connection gets the
	 * password (set while trust still lets Nurture in), then requires it.
	 */
	void secure(EmbeddedPostgres postgres, Path dataDir) throws IOException {
		if (!trusting) {
			return;
		}
		log.warn("The embedded PostgreSQL in {} let every local connection in without a password (made by an"
				+ " earlier version): setting the password in {} and requiring it", dataDir, file);
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			// Hashed (SCRAM) by the driver: the password itself never reaches the server.
			connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), HbaFile.METHOD);
			new HbaFile(dataDir).requirePassword();
			try (Statement statement = connection.createStatement()) {
				statement.execute("select pg_reload_conf()");
			}
		}
		catch (SQLException ex) {
			throw new IOException("could not set the password of the embedded PostgreSQL in " + dataDir, ex);
		}
		// Never locked out: the password Nurture holds opens a new connection.
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw new IOException("the embedded PostgreSQL in " + dataDir + " refused the password just set", ex);
		}
	}

	/** Whether a start failed because the server refused the password. */
	static boolean refusedIn(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && List.of("28P01", "28000").contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	IllegalStateException refused(Throwable failure) {
		return new IllegalStateException("The embedded PostgreSQL in " + file.resolveSibling("postgres")
				+ " refused the password in " + file + ": restore the file that belongs to this data directory, or"
				+ " set a new password (docs/operations.md, embedded PostgreSQL)", failure);
	}

	/** The stored password, empty when there is none. */
	private static String read(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
	}

	private static String generate(Path file) throws IOException {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String generated = HexFormat.of().formatHex(random);
		SecretFiles.write(file, generated + "\n");
		log.info("Generated the embedded PostgreSQL's password, stored in {}", file.toAbsolutePath());
		return generated;
	}

}
