package com.oshun.nurture.triggers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 as the webhook senders compute it, and a constant-time comparison.
 */
public final class Signatures {

	/**
	 * One Mac per thread: looking the algorithm up among the providers costs more than
	 * the HMAC of a webhook body. {@code init} resets it for every use.
	 */
	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	});

	private Signatures() {
	}

	/**
	 * Lowercase hex HMAC-SHA256 of the parts, in order, with {@code secret} as the key.
	 */
	public static String hmacSha256Hex(String secret, byte[]... parts) {
		try {
			Mac mac = MACS.get();
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			for (byte[] part : parts) {
				mac.update(part);
			}
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** Lowercase hex SHA-256 of a body, a delivery's identity when it names none. */
	public static String sha256Hex(byte[] body) {
		return HexFormat.of().formatHex(sha256(body));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Compare in constant time, so the comparison leaks nothing about where they differ.
	 */
	public static boolean same(String expected, String given) {
		if (given == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A secret as given, exactly (case and all), compared in constant time: both sides
	 * are hashed first, so neither where they differ nor the secret's length shows in the
	 * time taken.
	 */
	public static boolean sameSecret(String expected, String given) {
		if (expected == null || given == null) {
			return false;
		}
		byte[] a = sha256(expected.getBytes(StandardCharsets.UTF_8));
		byte[] b = sha256(given.getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(a, b);
	}

}
