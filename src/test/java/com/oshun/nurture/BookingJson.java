package com.oshun.nurture;

/**
 * Booking webhook bodies in Nurture's own format, for the tests.
 */
public final class BookingJson {

	private BookingJson() {
	}

	public static String event(String id, String type, String contactKey, String extra) {
		return """
				{"id":"%s","type":"%s","occurredAt":"2026-01-05T08:00:00Z",
				 "booking":{"id":"bk_%s","startsAt":"2026-01-20T14:00:00Z","service":"Botox consultation","procedure":"botox"},
				 "contact":{"externalId":"%s","name":"Ana Souza","phone":"+55119999%s","email":"%s@example.com",
				            "timezone":"America/Sao_Paulo","preferredChannel":"whatsapp","locale":"pt-BR"}%s}
				"""
			.formatted(id, type, contactKey, contactKey, digits(contactKey), contactKey,
					(extra == null) ? "" : "," + extra);
	}

	public static String noShow(String id, String contactKey) {
		return event(id, "booking.noShow", contactKey, null);
	}

	public static String created(String id, String contactKey) {
		return event(id, "booking.created", contactKey, null);
	}

	private static String digits(String key) {
		return String.format("%04d", Math.abs(key.hashCode()) % 10000);
	}

}
