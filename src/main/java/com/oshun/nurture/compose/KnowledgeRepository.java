package com.oshun.nurture.compose;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Repository;

/**
 * {@code memory_knowledge}: the clinic's knowledge ({@code contact_id} null) and what
 * each contact told us about themselves.
 */
@Repository
public class KnowledgeRepository implements KnowledgeSource {

	private static final String COLUMNS = "id, kind, topic, content, language, valid_from, valid_until";

	private final JdbcClient jdbc;

	private final Clock clock;

	KnowledgeRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The clinic items as last read, and when (System.nanoTime); every message is checked
	 * against them, so they are read at most once a {@link #CLINIC_TTL_NANOS} per node.
	 */
	private record Clinic(List<KnowledgeItem> items, long readAt, Map<LocalDate, List<KnowledgeItem>> validOn) {
	}

	/** How long another node's edit of the clinic knowledge may take to be seen here. */
	private static final long CLINIC_TTL_NANOS = 1_000_000_000L;

	private volatile Clinic clinic;

	/**
	 * Every clinic item, valid or not, in id order. Edits through this node are seen at
	 * once; another node's within a second.
	 */
	public List<KnowledgeItem> clinic() {
		return snapshot().items();
	}

	private Clinic snapshot() {
		Clinic read = clinic;
		long now = System.nanoTime();
		if (read == null || now - read.readAt() > CLINIC_TTL_NANOS) {
			read = new Clinic(List
				.copyOf(jdbc.sql("select " + COLUMNS + " from memory_knowledge where contact_id is null order by id")
					.query(KnowledgeRepository::map)
					.list()), now, new ConcurrentHashMap<>());
			clinic = read;
		}
		return read;
	}

	/**
	 * Forget the clinic items read, now and when the edit's transaction ends (a read in
	 * between could still see the old rows).
	 */
	private void edited() {
		clinic = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clinic = null;
				}
			});
		}
	}

	/** The memories of each of these contacts, in id order. */
	public Map<Long, List<KnowledgeItem>> forContacts(Collection<Long> contactIds) {
		Map<Long, List<KnowledgeItem>> found = new HashMap<>();
		jdbc.sql("select contact_id, " + COLUMNS
				+ " from memory_knowledge where contact_id = any(:ids) order by contact_id, id")
			.param("ids", contactIds.toArray(Long[]::new))
			.query((rs, n) -> {
				found.computeIfAbsent(rs.getLong("contact_id"), id -> new ArrayList<>()).add(map(rs, n));
				return null;
			})
			.list();
		return found;
	}

	/** The clinic items valid on {@code date}. */
	@Override
	public List<KnowledgeItem> clinicValidOn(LocalDate date) {
		Clinic read = snapshot();
		return read.validOn()
			.computeIfAbsent(date, day -> read.items().stream().filter(item -> item.validOn(day)).toList());
	}

	public List<KnowledgeItem> forContact(long contactId) {
		return jdbc.sql("select " + COLUMNS + " from memory_knowledge where contact_id = :contact order by id")
			.param("contact", contactId)
			.query(KnowledgeRepository::map)
			.list();
	}

	public Optional<KnowledgeItem> findClinic(long id) {
		return jdbc.sql("select " + COLUMNS + " from memory_knowledge where id = :id and contact_id is null")
			.param("id", id)
			.query(KnowledgeRepository::map)
			.optional();
	}

	public KnowledgeItem add(KnowledgeItem item, String origin) {
		edited();
		long id = jdbc
			.sql("""
					insert into memory_knowledge (kind, topic, content, language, valid_from, valid_until, origin, created_at)
					values (:kind, :topic, :content, :language, :from, :until, :origin, :now)
					returning id
					""")
			.param("kind", item.kind())
			.param("topic", item.topic())
			.param("content", item.content())
			.param("language", item.language())
			.param("from", item.validFrom())
			.param("until", item.validUntil())
			.param("origin", origin)
			.param("now", Timestamps.param(clock.instant()))
			.query(Long.class)
			.single();
		return findClinic(id).orElseThrow();
	}

	/**
	 * Keep what a contact told us about themselves (their own words, from message
	 * {@code messageId}) as a memory on the topic; the same words on the same topic are
	 * kept once.
	 */
	public void remember(long contactId, String topic, String content, String language, long messageId) {
		jdbc.sql("""
				insert into memory_knowledge (contact_id, kind, topic, content, language, source_message_id, origin,
				                              created_at)
				select :contact, :kind, :topic, :content, :language, :message, 'contact', :now
				where not exists (select 1 from memory_knowledge
				                  where contact_id = :contact and topic = :topic and content = :content)
				""")
			.param("contact", contactId)
			.param("kind", KnowledgeItem.MEMORY)
			.param("topic", topic)
			.param("content", content)
			.param("language", language)
			.param("message", messageId)
			.param("now", Timestamps.param(clock.instant()))
			.update();
	}

	/**
	 * Replace a clinic item; it is the operator's from then on, so a restart keeps it.
	 */
	public Optional<KnowledgeItem> update(long id, KnowledgeItem item) {
		edited();
		int updated = jdbc.sql("""
				update memory_knowledge set kind = :kind, topic = :topic, content = :content, language = :language,
				  valid_from = :from, valid_until = :until, origin = 'admin'
				where id = :id and contact_id is null
				""")
			.param("kind", item.kind())
			.param("topic", item.topic())
			.param("content", item.content())
			.param("language", item.language())
			.param("from", item.validFrom())
			.param("until", item.validUntil())
			.param("id", id)
			.update();
		return (updated == 1) ? findClinic(id) : Optional.empty();
	}

	public boolean delete(long id) {
		edited();
		return jdbc.sql("delete from memory_knowledge where id = :id and contact_id is null")
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Drop the clinic items that came from the knowledge file, before it is read again.
	 */
	void deleteFromFile() {
		edited();
		jdbc.sql("delete from memory_knowledge where contact_id is null and origin = 'file'").update();
	}

	private static KnowledgeItem map(ResultSet rs, int row) throws SQLException {
		return new KnowledgeItem(rs.getLong("id"), rs.getString("kind"), rs.getString("topic"), rs.getString("content"),
				rs.getString("language"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class));
	}

}
