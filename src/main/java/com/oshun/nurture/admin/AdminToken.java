package com.oshun.nurture.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.oshun.nurture.NurtureSettings;

import org.springframework.stereotype.Component;

/**
 * The admin bearer token: {@code NURTURE_ADMIN_TOKEN}, or one generated on first start,
 * kept in the data directory and printed once.
 */
@Component
class AdminToken {

	private final String token;

	AdminToken(NurtureSettings settings) throws IOException {
		String configured = settings.adminToken();
		this.token = (configured != null && !configured.isBlank()) ? configured.trim()
				: storedOrGenerated(settings.dataDir().resolve("admin-token"));
	}

	boolean matches(String given) {
		// Constant time, so the comparison leaks nothing about how much of a guess was
		// right.
		return given != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				given.trim().getBytes(StandardCharsets.UTF_8));
	}

	private static String storedOrGenerated(Path file) throws IOException {
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String generated = HexFormat.of().formatHex(random);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, generated, StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; the file keeps its default permissions
		}
		System.out.println("Generated admin token (stored in " + file.toAbsolutePath() + "): " + generated);
		return generated;
	}

}
