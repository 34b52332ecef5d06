package com.oshun.nurture.contact;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many contacts at once, by the rules of {@link ContactRepository#upsert} applied as
 * sets: the rows go through {@code COPY} into a temporary staging table, then a few
 * statements in one transaction resolve each key (a known key; else an existing contact
 * with the same phone, in any of its {@link Phones#forms}, or e-mail; else a new contact,
 * one per phone or e-mail within the batch) and write the details (a null field keeps the
 * stored value). A contact whose details are already those stored is not written at all,
 * so a re-import changes nothing.
 * <p>
 * Within one batch the last line of a key wins, and of two keys that name the same
 * contact the later line's details apply. Concurrent imports take turns (an advisory
 * lock); a concurrent {@code PUT} of the same new key meets the import on the contacts'
 * unique external id.
 */
@Repository
public class ContactBulkWriter {

	/** One row to write: its line in the file, its key and what it says. */
	public record Row(long line, String key, ContactDetails details) {
	}

	/**
	 * What one batch did: contacts created and updated; the other rows (details already
	 * stored, a key repeated, a second key of a contact) changed nothing.
	 */
	public record Counts(int created, int updated, int unchanged) {
	}

	private static final char INTEREST_SEPARATOR = '\u001f';

	private static final String STAGE = """
			create temp table import_stage (line bigint, key text, name text, phone text, phone_alt text,
			  email text, timezone text, locale text, channel text, instagram text, procedure text,
			  interests text, consent boolean) on commit drop
			""";

	private static final String ROWS = """
			create temp table import_rows on commit drop as
			select distinct on (s.key) s.*, string_to_array(s.interests, chr(31)) as interest_list,
			       cast(null as bigint) as contact_id, false as creator
			  from import_stage s order by s.key, s.line desc
			""";

	private static final String KNOWN = """
			update import_rows r set contact_id = k.contact_id from contact_keys k where k.key = r.key
			""";

	private static final String MATCH = """
			update import_rows r set contact_id = (
			  select min(x.id) from (
			    select id from contacts where phone = r.phone
			    union all select id from contacts where phone = r.phone_alt
			    union all select id from contacts where lower(email) = lower(r.email)) x)
			where r.contact_id is null and (r.phone is not null or r.email is not null)
			""";

	/**
	 * Of the lines no contact has yet, the first of each phone (stored in one form, see
	 * {@link Phones#parse}) and of each e-mail creates the contact; the others then match
	 * it. Repeated until every line has its contact (once, unless lines chain through a
	 * shared phone and another shared e-mail).
	 */
	private static final String CREATORS = """
			update import_rows r set creator = true from (
			  select key, line, min(line) over (partition by phone) as first_phone,
			         min(line) over (partition by lower(email)) as first_email
			    from import_rows where contact_id is null) f
			where r.key = f.key and (r.phone is null or f.first_phone = f.line)
			  and (r.email is null or f.first_email = f.line)
			""";

	private static final String CREATE = """
			insert into contacts (external_id, name, phone, email, timezone, locale, preferred_channel,
			  instagram_source_id, procedure_interest, interests, marketing_consent, created_at, updated_at)
			select key, name, phone, email, timezone, locale, coalesce(channel, 'whatsapp'), instagram, procedure,
			       coalesce(interest_list, '{}'), coalesce(consent, true), ?, ?
			  from import_rows where creator and contact_id is null order by line
			on conflict (external_id) do nothing
			""";

	private static final String CREATED = """
			update import_rows r set contact_id = c.id from contacts c
			where r.creator and r.contact_id is null and c.external_id = r.key
			""";

	private static final String KEYS = """
			insert into contact_keys (key, contact_id) select key, contact_id from import_rows
			on conflict (key) do nothing
			""";

	private static final String UPDATE = """
			with src as (select distinct on (contact_id) * from import_rows order by contact_id, line desc)
			update contacts c set
			  name = coalesce(s.name, c.name), phone = coalesce(s.phone, c.phone), email = coalesce(s.email, c.email),
			  timezone = coalesce(s.timezone, c.timezone), locale = coalesce(s.locale, c.locale),
			  preferred_channel = coalesce(s.channel, c.preferred_channel),
			  instagram_source_id = coalesce(s.instagram, c.instagram_source_id),
			  procedure_interest = coalesce(s.procedure, c.procedure_interest),
			  interests = coalesce(s.interest_list, c.interests),
			  marketing_consent = coalesce(s.consent, c.marketing_consent), updated_at = ?
			from src s where c.id = s.contact_id
			  and (coalesce(s.name, c.name), coalesce(s.phone, c.phone), coalesce(s.email, c.email),
			       coalesce(s.timezone, c.timezone), coalesce(s.locale, c.locale),
			       coalesce(s.channel, c.preferred_channel), coalesce(s.instagram, c.instagram_source_id),
			       coalesce(s.procedure, c.procedure_interest), coalesce(s.interest_list, c.interests),
			       coalesce(s.consent, c.marketing_consent))
			  is distinct from (c.name, c.phone, c.email, c.timezone, c.locale, c.preferred_channel,
			       c.instagram_source_id, c.procedure_interest, c.interests, c.marketing_consent)
			""";

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ContactBulkWriter(DataSource dataSource, TransactionTemplate transaction, Clock clock) {
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Write one batch in one transaction. */
	public Counts write(List<Row> rows) {
		if (rows.isEmpty()) {
			return new Counts(0, 0, 0);
		}
		String copy = copyText(rows);
		return transaction.execute(status -> {
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try {
				return write(connection, copy, rows.size());
			}
			catch (SQLException | IOException ex) {
				throw new IllegalStateException("contact import failed: " + ex.getMessage(), ex);
			}
		});
	}

	private Counts write(Connection connection, String copy, int lines) throws SQLException, IOException {
		Timestamp now = Timestamp.from(clock.instant());
		try (Statement statement = connection.createStatement()) {
			statement.execute("select pg_advisory_xact_lock(hashtext('nurture:contact-import'))");
			statement.execute(STAGE);
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy import_stage from stdin", new StringReader(copy));
			statement.executeUpdate(ROWS);
			statement.execute("analyze import_rows");
			statement.executeUpdate(KNOWN);
			statement.executeUpdate(MATCH);
			int created = 0;
			long left = unresolved(statement);
			while (left > 0) {
				statement.executeUpdate(CREATORS);
				created += update(connection, CREATE, now, now);
				statement.executeUpdate(CREATED);
				statement.executeUpdate(MATCH);
				long before = left;
				left = unresolved(statement);
				if (left >= before) {
					throw new IllegalStateException("contact import left keys without a contact");
				}
			}
			statement.executeUpdate(KEYS);
			int updated = update(connection, UPDATE, now);
			return new Counts(created, updated, Math.max(0, lines - created - updated));
		}
	}

	private static long unresolved(Statement statement) throws SQLException {
		try (ResultSet count = statement.executeQuery("select count(*) from import_rows where contact_id is null")) {
			count.next();
			return count.getLong(1);
		}
	}

	private static int update(Connection connection, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			return statement.executeUpdate();
		}
	}

	/** The rows in COPY's text format: tab-separated, {@code \N} for null. */
	private static String copyText(List<Row> rows) {
		StringBuilder out = new StringBuilder(rows.size() * 120);
		for (Row row : rows) {
			ContactDetails d = row.details();
			List<String> forms = Phones.forms(d.phone());
			out.append(row.line());
			field(out, row.key());
			field(out, d.name());
			field(out, d.phone());
			field(out, (forms.size() > 1) ? forms.get(1) : null);
			field(out, d.email());
			field(out, d.timezone());
			field(out, d.locale());
			field(out, d.preferredChannel());
			field(out, d.instagramSourceId());
			field(out, d.procedureInterest());
			field(out, (d.interests() != null) ? String.join(String.valueOf(INTEREST_SEPARATOR), d.interests()) : null);
			field(out, (d.marketingConsent() != null) ? d.marketingConsent().toString() : null);
			out.append('\n');
		}
		return out.toString();
	}

	private static void field(StringBuilder out, String value) {
		out.append('\t');
		if (value == null) {
			out.append("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

}
