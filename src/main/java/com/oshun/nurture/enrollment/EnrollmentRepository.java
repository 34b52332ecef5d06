package com.oshun.nurture.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.oshun.nurture.sequence.SequenceKey;
import com.oshun.nurture.storage.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code nurture_enrollments}.
 */
@Repository
public class EnrollmentRepository {

	private static final String COLUMNS = "id, contact_id, sequence_key, sequence_version, status, arm, started_at, paused_at, ended_at, end_reason";

	private final JdbcClient jdbc;

	EnrollmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Insert a live enrollment; empty when the contact already has one (the partial
	 * unique index decides, so two concurrent triggers cannot both win).
	 */
	Optional<Long> insert(long contactId, SequenceKey sequence, int version, Enrollment.Arm arm, Instant startedAt) {
		return jdbc.sql("""
				insert into nurture_enrollments (contact_id, sequence_key, sequence_version, status, arm, started_at)
				values (:contact, :sequence, :version, 'active', :arm, :started)
				on conflict (contact_id) where status in ('active', 'paused') do nothing
				returning id
				""")
			.param("contact", contactId)
			.param("sequence", sequence.key())
			.param("version", version)
			.param("arm", arm.value())
			.param("started", Timestamps.param(startedAt))
			.query(Long.class)
			.optional();
	}

	public Optional<Enrollment> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from nurture_enrollments where id = :id")
			.param("id", id)
			.query(EnrollmentRepository::map)
			.optional();
	}

	/** These enrollments by id. */
	Map<Long, Enrollment> findAll(Collection<Long> ids) {
		Map<Long, Enrollment> found = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select " + COLUMNS + " from nurture_enrollments where id = any(:ids)")
				.param("ids", ids.toArray(Long[]::new))
				.query(EnrollmentRepository::map)
				.list()
				.forEach(enrollment -> found.put(enrollment.id(), enrollment));
		}
		return found;
	}

	/** Those of these active enrollments that have no step left to run. */
	List<Long> withoutUnfinishedSteps(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select e.id from nurture_enrollments e
				where e.id = any(:ids) and e.status = 'active'
				  and not exists (select 1 from nurture_step_runs s
				                  where s.enrollment_id = e.id and s.status in ('scheduled', 'sending'))
				order by e.id
				""").param("ids", ids.toArray(Long[]::new)).query(Long.class).list();
	}

	Optional<Enrollment> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from nurture_enrollments where id = :id for update")
			.param("id", id)
			.query(EnrollmentRepository::map)
			.optional();
	}

	public Optional<Enrollment> findLive(long contactId) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from nurture_enrollments where contact_id = :contact and status in ('active', 'paused')")
			.param("contact", contactId)
			.query(EnrollmentRepository::map)
			.optional();
	}

	Optional<Enrollment> lockLive(long contactId) {
		return jdbc.sql("select " + COLUMNS
				+ " from nurture_enrollments where contact_id = :contact and status in ('active', 'paused') for update")
			.param("contact", contactId)
			.query(EnrollmentRepository::map)
			.optional();
	}

	/** The arm of the contact's latest enrollment in {@code sequence}, if it had one. */
	Optional<Enrollment.Arm> lastArm(long contactId, SequenceKey sequence) {
		return jdbc.sql("""
				select arm from nurture_enrollments where contact_id = :contact and sequence_key = :sequence
				order by id desc limit 1
				""")
			.param("contact", contactId)
			.param("sequence", sequence.key())
			.query(String.class)
			.optional()
			.map(Enrollment.Arm::of);
	}

	/**
	 * The variant the contact was last drawn into at each step of {@code sequence} that
	 * it had a variant of, across its enrollments in it.
	 */
	Map<Integer, String> lastVariants(long contactId, SequenceKey sequence) {
		Map<Integer, String> variants = new HashMap<>();
		jdbc.sql("""
				select distinct on (r.step_no) r.step_no, r.variant
				from nurture_step_runs r join nurture_enrollments e on e.id = r.enrollment_id
				where r.contact_id = :contact and e.sequence_key = :sequence and r.variant is not null
				order by r.step_no, r.enrollment_id desc
				""")
			.param("contact", contactId)
			.param("sequence", sequence.key())
			.query((rs, n) -> variants.put(rs.getInt("step_no"), rs.getString("variant")))
			.list();
		return variants;
	}

	/** The latest enrollments; {@code null} filters match any. */
	public List<Enrollment> list(String status, String sequence, String arm, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from nurture_enrollments
				where (cast(:status as text) is null or status = :status)
				  and (cast(:sequence as text) is null or sequence_key = :sequence)
				  and (cast(:arm as text) is null or arm = :arm)
				order by id desc limit :limit
				""")
			.param("status", status)
			.param("sequence", sequence)
			.param("arm", arm)
			.param("limit", limit)
			.query(EnrollmentRepository::map)
			.list();
	}

	void setStatus(long id, Enrollment.Status status, Instant at, String endReason) {
		boolean ends = status == Enrollment.Status.COMPLETED || status == Enrollment.Status.ENDED;
		int updated = jdbc.sql("""
				update nurture_enrollments set status = :status,
				  paused_at = case when :status = 'paused' then :at else null end,
				  ended_at = case when :ends then :at else ended_at end,
				  end_reason = case when :ends then :reason else end_reason end
				where id = :id
				""")
			.param("status", status.value())
			.param("at", Timestamps.param(at))
			.param("ends", ends)
			.param("reason", endReason)
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("no enrollment " + id);
		}
	}

	static Enrollment map(ResultSet rs, int row) throws SQLException {
		return new Enrollment(rs.getLong("id"), rs.getLong("contact_id"), SequenceKey.of(rs.getString("sequence_key")),
				rs.getInt("sequence_version"), Enrollment.Status.of(rs.getString("status")),
				Enrollment.Arm.of(rs.getString("arm")), Timestamps.read(rs, "started_at"),
				Timestamps.read(rs, "paused_at"), Timestamps.read(rs, "ended_at"), rs.getString("end_reason"));
	}

}
