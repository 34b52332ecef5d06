package com.oshun.nurture.contact;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts and the keys that name them.
 */
@Repository
public class ContactRepository {

	private static final String COLUMNS = """
			c.id, c.external_id, c.name, c.phone, c.email, c.timezone, c.locale, c.preferred_channel,
			c.instagram_source_id, c.procedure_interest, c.interests, c.marketing_consent, c.status, c.tags,
			c.warm_lead_at, c.last_inbound_at, c.last_nurture_at, c.care_plan_procedure, c.rebook_due_at,
			c.held_until, c.hold_reason
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Phones phones;

	private final ContactZones zones;

	ContactRepository(JdbcClient jdbc, Clock clock, Phones phones, ContactZones zones) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.phones = phones;
		this.zones = zones;
	}

	public Optional<Contact> findByKey(String key) {
		return jdbc
			.sql("select " + COLUMNS + " from contact_keys k join contacts c on c.id = k.contact_id where k.key = :key")
			.param("key", key)
			.query(this::map)
			.optional();
	}

	public Optional<Contact> findByInstagramSourceId(String sourceId) {
		return jdbc
			.sql("select " + COLUMNS + " from contacts c where c.instagram_source_id = :source order by c.id limit 1")
			.param("source", sourceId)
			.query(this::map)
			.optional();
	}

	public Contact getByKey(String key) {
		return findByKey(key).orElseThrow(() -> new ContactNotFound(key));
	}

	public Contact get(long id) {
		return jdbc.sql("select " + COLUMNS + " from contacts c where c.id = :id")
			.param("id", id)
			.query(this::map)
			.single();
	}

	/** These contacts by id; a missing id is left out. */
	public Map<Long, Contact> getAll(Collection<Long> ids) {
		return byId(ids, "");
	}

	/**
	 * Lock those of these contacts no other transaction holds, until this one ends; the
	 * others are left out.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<Long, Contact> lockAvailable(Collection<Long> ids) {
		return byId(ids, " for update skip locked");
	}

	/**
	 * Lock these contacts in id order (so two batches cannot deadlock), waiting if
	 * needed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockAll(Collection<Long> ids) {
		jdbc.sql("select id from contacts where id = any(:ids) order by id for update")
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	/** Note that a nurture message went to each of these contacts at {@code at}. */
	public void markNurtured(Collection<Long> ids, Instant at) {
		jdbc.sql("update contacts set last_nurture_at = :at, updated_at = :now where id = any(:ids)")
			.param("at", Timestamps.param(at))
			.param("now", Timestamps.param(clock.instant()))
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	private Map<Long, Contact> byId(Collection<Long> ids, String locking) {
		Map<Long, Contact> byId = new HashMap<>();
		jdbc.sql("select " + COLUMNS + " from contacts c where c.id = any(:ids)" + locking)
			.param("ids", ids.toArray(Long[]::new))
			.query(this::map)
			.list()
			.forEach(contact -> byId.put(contact.id(), contact));
		return byId;
	}

	/** Read the contact and hold its row lock until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Contact lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from contacts c where c.id = :id for update")
			.param("id", id)
			.query(this::map)
			.single();
	}

	/**
	 * Search by name, e-mail or phone; exact e-mail and phone matches come first. A term
	 * that is a phone number finds it in any form it is written in
	 * ({@code (11) 98765-4321}, {@code +551187654321}).
	 */
	public List<Contact> search(String q, int limit) {
		String term = (q == null) ? "" : q.trim();
		String[] forms = phones.parse(term).map(Phones::forms).orElse(List.of()).toArray(String[]::new);
		return jdbc.sql("select " + COLUMNS + """
				 from contacts c
				where :term = '' or c.name ilike :like or c.email ilike :like or c.phone like :like
				   or c.external_id = :term or c.phone = any(:phones)
				order by (lower(c.email) = lower(:term) or c.phone = any(:phones) or c.phone = :term
				          or c.external_id = :term) desc, c.name, c.id
				limit :limit
				""")
			.param("term", term)
			.param("phones", forms)
			.param("like", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * Create or update the contact named by {@code key}. A new key that matches an
	 * existing contact's phone or e-mail becomes another key of that contact. A known key
	 * is one statement (the update, whose row lock serialises concurrent calls); a new
	 * key takes an advisory lock on the key first, so concurrent calls for it agree on
	 * one contact.
	 */
	@Transactional
	public Contact upsert(String key, ContactDetails details) {
		Optional<Contact> known = update(details,
				"from contact_keys k where k.key = :key and c.id = k.contact_id returning ", key, null);
		if (known.isPresent()) {
			return known.get();
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", key).query((rs, row) -> 1).list();
		long id = resolve(key, details);
		return update(details, "where c.id = :id returning ", key, id)
			.orElseThrow(() -> new IllegalStateException("no contact " + id));
	}

	/**
	 * The contact a new key names, under the key's advisory lock: the key's contact if a
	 * twin just added it, else the contact with the same phone (in any of its forms, see
	 * {@link Phones#forms}) or e-mail, else a new one.
	 */
	private long resolve(String key, ContactDetails details) {
		return jdbc.sql("""
				with known as (
				  select contact_id as id from contact_keys where key = :key
				), matched as (
				  -- two index look-ups: one "phone or e-mail" filter is planned (generically) as a
				  -- walk of every contact in id order
				  select id from (
				    select id from contacts where phone = any(:phones)
				    union all
				    select id from contacts where cast(:email as text) is not null and lower(email) = lower(:email)
				  ) m
				  where not exists (select 1 from known)
				  order by id limit 1
				), created as (
				  insert into contacts (external_id, created_at, updated_at)
				  select :key, :now, :now
				  where not exists (select 1 from known) and not exists (select 1 from matched)
				  on conflict (external_id) do update set updated_at = excluded.updated_at
				  returning id
				)
				select id from known union all select id from matched union all select id from created
				""")
			.param("key", key)
			.param("phones", Phones.forms(details.phone()).toArray(String[]::new))
			.param("email", details.email())
			.param("now", Timestamps.param(clock.instant()))
			.query(Long.class)
			.single();
	}

	/**
	 * Apply the details to one contact and answer it as it now is. With an {@code id},
	 * the key is also recorded as one of the contact's keys.
	 */
	private Optional<Contact> update(ContactDetails d, String target, String key, Long id) {
		String keys = (id != null) ? """
				with k as (
				  insert into contact_keys (key, contact_id) values (:key, :id) on conflict (key) do nothing
				)
				""" : "";
		return jdbc.sql(keys + """
				update contacts c set
				  name = coalesce(:name, name), phone = coalesce(:phone, phone), email = coalesce(:email, email),
				  timezone = coalesce(:timezone, timezone), locale = coalesce(:locale, locale),
				  preferred_channel = coalesce(:channel, preferred_channel),
				  instagram_source_id = coalesce(:instagram, instagram_source_id),
				  procedure_interest = coalesce(:procedure, procedure_interest),
				  interests = coalesce(:interests, interests),
				  marketing_consent = coalesce(:consent, marketing_consent),
				  updated_at = :now
				""" + target + COLUMNS)
			.param("name", d.name())
			.param("phone", d.phone())
			.param("email", d.email())
			.param("timezone", d.timezone())
			.param("locale", d.locale())
			.param("channel", d.preferredChannel())
			.param("instagram", d.instagramSourceId())
			.param("procedure", d.procedureInterest())
			.param("interests", (d.interests() != null) ? d.interests().toArray(String[]::new) : null)
			.param("consent", d.marketingConsent())
			.param("now", Timestamps.param(clock.instant()))
			.param("key", key)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** Set a timestamp column and optionally add a tag; used by the triggers. */
	public void mark(long id, Mark mark, Instant at, String tag) {
		int updated = jdbc.sql("update contacts set " + mark.column + """
				 = :at, tags = case when cast(:tag as text) is null or :tag = any(tags) then tags
				                    else array_append(tags, :tag) end, updated_at = :now
				where id = :id
				""")
			.param("at", Timestamps.param(at))
			.param("tag", tag)
			.param("now", Timestamps.param(clock.instant()))
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("no contact " + id);
		}
	}

	/** Clear timestamp columns in one statement; used by the triggers. */
	public void clear(long id, Mark... marks) {
		String columns = Arrays.stream(marks).map(mark -> mark.column + " = null, ").collect(Collectors.joining());
		int updated = jdbc.sql("update contacts set " + columns + "updated_at = :now where id = :id")
			.param("now", Timestamps.param(clock.instant()))
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("no contact " + id);
		}
	}

	public void recordCarePlan(long id, String procedure, Instant completedAt, Instant rebookDueAt) {
		jdbc.sql("""
				update contacts set care_plan_procedure = :procedure, care_plan_completed_at = :completed,
				  rebook_due_at = :due, updated_at = :now where id = :id
				""")
			.param("procedure", procedure)
			.param("completed", Timestamps.param(completedAt))
			.param("due", Timestamps.param(rebookDueAt))
			.param("now", Timestamps.param(clock.instant()))
			.param("id", id)
			.update();
	}

	public void setProcedureInterest(long id, String procedure, List<String> interests) {
		jdbc.sql("""
				update contacts set procedure_interest = coalesce(:procedure, procedure_interest),
				  interests = coalesce(:interests, interests), updated_at = :now where id = :id
				""")
			.param("procedure", procedure)
			.param("interests", (interests != null) ? interests.toArray(String[]::new) : null)
			.param("now", Timestamps.param(clock.instant()))
			.param("id", id)
			.update();
	}

	public void addTag(long id, String tag) {
		jdbc.sql("""
				update contacts set tags = case when :tag = any(tags) then tags else array_append(tags, :tag) end,
				  updated_at = :now where id = :id
				""").param("tag", tag).param("now", Timestamps.param(clock.instant())).param("id", id).update();
	}

	/**
	 * Hold the contact's nurture messages until {@code until} (a later hold already in
	 * place stays), for {@code reason}, shown on each step it defers.
	 */
	public void hold(long id, Instant until, String reason) {
		int updated = jdbc.sql("""
				update contacts set held_until = greatest(held_until, :until), hold_reason = case
				  when held_until is null or held_until <= :until then :reason else hold_reason end,
				  updated_at = :now where id = :id
				""")
			.param("until", Timestamps.param(until))
			.param("reason", reason)
			.param("now", Timestamps.param(clock.instant()))
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("no contact " + id);
		}
	}

	public void setStatus(long id, String status) {
		jdbc.sql("update contacts set status = :status, updated_at = :now where id = :id")
			.param("status", status)
			.param("now", Timestamps.param(clock.instant()))
			.param("id", id)
			.update();
	}

	/** The timestamp columns a trigger may set. */
	public enum Mark {

		WARM_LEAD("warm_lead_at"), NO_SHOW("no_show_at"), LAST_INBOUND("last_inbound_at"),
		LAST_NURTURE("last_nurture_at"), REBOOK_DUE("rebook_due_at");

		private final String column;

		Mark(String column) {
			this.column = column;
		}

	}

	private Contact map(ResultSet rs, int row) throws SQLException {
		String phone = rs.getString("phone");
		ContactZones.Zone zone = zones.of(rs.getString("timezone"), phone);
		return new Contact(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"), phone,
				rs.getString("email"), zone.zone(), zone.source(), rs.getString("locale"),
				rs.getString("preferred_channel"), rs.getString("instagram_source_id"),
				rs.getString("procedure_interest"), strings(rs.getArray("interests")),
				rs.getBoolean("marketing_consent"), rs.getString("status"), strings(rs.getArray("tags")),
				Timestamps.read(rs, "warm_lead_at"), Timestamps.read(rs, "last_inbound_at"),
				Timestamps.read(rs, "last_nurture_at"), rs.getString("care_plan_procedure"),
				Timestamps.read(rs, "rebook_due_at"), Timestamps.read(rs, "held_until"), rs.getString("hold_reason"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
