package com.oshun.nurture.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code timestamptz} to and from {@link Instant}: the PostgreSQL driver speaks
 * {@link OffsetDateTime}, the domain speaks {@code Instant}.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static OffsetDateTime param(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
