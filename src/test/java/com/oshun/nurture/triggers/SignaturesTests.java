package com.oshun.nurture.triggers;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTests {

	@Test
	void matchesTheChatwootTestVectorOverTimestampDotRawBody() {
		String hex = Signatures.hmacSha256Hex("mysecret", "1750000000.".getBytes(StandardCharsets.UTF_8),
				"{\"event\":\"message_created\",\"id\":1}".getBytes(StandardCharsets.UTF_8));

		assertThat("sha256=" + hex)
			.isEqualTo("sha256=d923d118c635d99ecc88f49b8b1c862780e88abc31d2d56ec7360a4f1b10dca0");
	}

	@Test
	void comparesCaseInsensitivelyAndRejectsAbsentOrDifferentSignatures() {
		assertThat(Signatures.same("abc123", "ABC123")).isTrue();
		assertThat(Signatures.same("abc123", null)).isFalse();
		assertThat(Signatures.same("abc123", "abc124")).isFalse();
		assertThat(Signatures.same("abc123", "abc12")).isFalse();
	}

}
