package com.oshun.nurture.triggers;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.web.Rejected;

import org.springframework.http.HttpStatus;

/**
 * Reads a webhook's raw body, the bytes its signature covers, refusing anything over the
 * limit before it is buffered.
 */
public final class WebhookBodies {

	private WebhookBodies() {
	}

	public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			throw tooLarge(maxBytes);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(maxBytes + 1);
			if (body.length > maxBytes) {
				throw tooLarge(maxBytes);
			}
			return body;
		}
	}

	private static Rejected tooLarge(int maxBytes) {
		return new Rejected(HttpStatus.CONTENT_TOO_LARGE, "body is larger than " + maxBytes + " bytes", "body");
	}

}
