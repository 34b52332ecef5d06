package com.oshun.nurture.sequence;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned sequence definitions in {@code nurture_sequences} and {@code nurture_steps}.
 * A version never changes once written, so versions are cached; the current version is
 * read each time so every node sees a new one at once.
 */
@Repository
public class SequenceCatalog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, SequenceDefinition> versions = new ConcurrentHashMap<>();

	SequenceCatalog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public SequenceDefinition current(SequenceKey key) {
		int version = jdbc.sql("select coalesce(max(version), 0) from nurture_sequences where key = :key")
			.param("key", key.key())
			.query(Integer.class)
			.single();
		if (version == 0) {
			throw new IllegalStateException("no definition of sequence " + key);
		}
		return get(key, version);
	}

	public SequenceDefinition get(SequenceKey key, int version) {
		return versions.computeIfAbsent(key.key() + "@" + version, id -> load(key, version));
	}

	public List<SequenceDefinition> currentAll() {
		return List.of(SequenceKey.values()).stream().map(this::current).toList();
	}

	public List<Integer> versionsOf(SequenceKey key) {
		return jdbc.sql("select version from nurture_sequences where key = :key order by version")
			.param("key", key.key())
			.query(Integer.class)
			.list();
	}

	/**
	 * Store {@code definition} as the next version of its sequence and answer that
	 * version; one that says what the current version says is not stored again, and the
	 * current version is the answer.
	 */
	@Transactional
	public SequenceDefinition add(SequenceDefinition definition) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", definition.key().key()).query().rowSet();
		int current = versionsOf(definition.key()).stream().mapToInt(Integer::intValue).max().orElse(0);
		if (current > 0 && get(definition.key(), current).sameContentAs(definition)) {
			return get(definition.key(), current);
		}
		int version = current + 1;
		jdbc.sql("""
				insert into nurture_sequences (key, version, tone, send_at, description, holdout_percent, created_at)
				values (:key, :version, :tone, :sendAt, :description, :holdout, :now)
				""")
			.param("key", definition.key().key())
			.param("version", version)
			.param("tone", definition.tone())
			.param("sendAt", definition.sendAt())
			.param("description", definition.description())
			.param("holdout", definition.holdoutPercent())
			.param("now", Timestamps.param(clock.instant()))
			.update();
		for (StepDefinition step : definition.steps()) {
			jdbc.sql("""
					insert into nurture_steps (sequence_key, version, step_no, objective, day, delay)
					values (:key, :version, :stepNo, :objective, :day, :delay)
					""")
				.param("key", definition.key().key())
				.param("version", version)
				.param("stepNo", step.stepNo())
				.param("objective", step.objective())
				.param("day", step.day())
				.param("delay", (step.delay() != null) ? step.delay().toString() : null)
				.update();
			for (StepVariant variant : step.variants()) {
				jdbc.sql("""
						insert into nurture_step_variants (sequence_key, version, step_no, name, objective, tone)
						values (:key, :version, :stepNo, :name, :objective, :tone)
						""")
					.param("key", definition.key().key())
					.param("version", version)
					.param("stepNo", step.stepNo())
					.param("name", variant.name())
					.param("objective", variant.objective())
					.param("tone", variant.tone())
					.update();
			}
		}
		return get(definition.key(), version);
	}

	boolean isEmpty() {
		return jdbc.sql("select count(*) from nurture_sequences").query(Long.class).single() == 0;
	}

	private SequenceDefinition load(SequenceKey key, int version) {
		Map<Integer, List<StepVariant>> variants = new HashMap<>();
		jdbc.sql("""
				select step_no, name, objective, tone from nurture_step_variants
				where sequence_key = :key and version = :version order by step_no, name
				""")
			.param("key", key.key())
			.param("version", version)
			.query((rs, n) -> variants.computeIfAbsent(rs.getInt("step_no"), stepNo -> new ArrayList<>())
				.add(new StepVariant(rs.getString("name"), rs.getString("objective"), rs.getString("tone"))))
			.list();
		List<StepDefinition> steps = jdbc.sql("""
				select step_no, objective, day, delay from nurture_steps
				where sequence_key = :key and version = :version order by step_no
				""")
			.param("key", key.key())
			.param("version", version)
			.query((rs, n) -> new StepDefinition(rs.getInt("step_no"), rs.getString("objective"),
					(Integer) rs.getObject("day"),
					(rs.getString("delay") != null) ? Duration.parse(rs.getString("delay")) : null,
					variants.getOrDefault(rs.getInt("step_no"), List.of())))
			.list();
		return jdbc.sql("""
				select tone, send_at, description, holdout_percent from nurture_sequences
				where key = :key and version = :version
				""")
			.param("key", key.key())
			.param("version", version)
			.query((rs, n) -> new SequenceDefinition(key, version, rs.getString("tone"),
					rs.getObject("send_at", LocalTime.class), rs.getString("description"), rs.getInt("holdout_percent"),
					steps))
			.single();
	}

}
