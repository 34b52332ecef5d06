package com.oshun.nurture.triggers;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import com.oshun.nurture.NurtureSettings;
import com.oshun.nurture.web.Rejected;
import com.oshun.nurture.web.WallClock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one way into every signed webhook: 503 while the endpoint has no secret, the raw
 * body read up to the limit (413 above), then the sender's signature checked over those
 * exact bytes against the wall clock (a signed timestamp is real time even when the
 * engine runs on a simulated clock).
 */
@Component
class WebhookVerifier {

	private final NurtureSettings.Webhooks settings;

	private final WallClock wallClock;

	WebhookVerifier(NurtureSettings settings, WallClock wallClock) {
		this.settings = settings.webhooks();
		this.wallClock = wallClock;
	}

	/**
	 * The verified raw body of a delivery to the endpoint {@code name} (as in "the
	 * {@code name} webhook is not configured").
	 */
	byte[] verifiedBody(HttpServletRequest request, String name, String secret, WebhookScheme scheme)
			throws IOException {
		if (secret == null || secret.isBlank()) {
			throw new Rejected(HttpStatus.SERVICE_UNAVAILABLE, "the " + name + " webhook is not configured", null);
		}
		byte[] body = WebhookBodies.read(request, settings.maxBodyBytes());
		scheme.verify(secret, request::getHeader, body, wallClock.now(), settings.tolerance());
		return body;
	}

}
