package com.oshun.nurture.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The data directory's {@code pg_hba.conf}: whether it lets anyone in without a password
 * ({@code trust}, what zonky's {@code initdb -A trust} wrote before Nurture asked for a
 * password), and the file that requires one for every local connection.
 */
final class HbaFile {

	static final String METHOD = "scram-sha-256";

	/** What initdb writes with {@code --auth-local} and {@code --auth-host} set. */
	static final String PASSWORD_REQUIRED = """
			# Written by Nurture: every connection, TCP or Unix socket, needs the password
			# in NURTURE_DATA_DIR/postgres-password (see docs/operations.md).
			# TYPE  DATABASE        USER            ADDRESS                 METHOD
			local   all             all                                     scram-sha-256
			host    all             all             127.0.0.1/32            scram-sha-256
			host    all             all             ::1/128                 scram-sha-256
			local   replication     all                                     scram-sha-256
			host    replication     all             127.0.0.1/32            scram-sha-256
			host    replication     all             ::1/128                 scram-sha-256
			""";

	private final Path file;

	HbaFile(Path dataDir) {
		this.file = dataDir.resolve("pg_hba.conf");
	}

	/** Whether a rule lets a connection in without a password. */
	boolean trusts() throws IOException {
		if (!Files.exists(file)) {
			return false;
		}
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(HbaFile::tokens).anyMatch(tokens ->
		// type, database, user, then the address (not for local) and the method
		tokens.size() > 3 && tokens.subList(3, tokens.size()).contains("trust"));
	}

	/** Replaces the file whole, so a crash leaves the old one or the new one. */
	void requirePassword() throws IOException {
		SecretFiles.write(file, PASSWORD_REQUIRED);
	}

	private static List<String> tokens(String line) {
		int comment = line.indexOf('#');
		String rule = ((comment >= 0) ? line.substring(0, comment) : line).trim();
		return rule.isEmpty() ? List.of() : Arrays.asList(rule.split("\\s+"));
	}

}
