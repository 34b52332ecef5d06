-- Steps are their own queue: the engine claims due rows of nurture_step_runs in batches
-- (FOR UPDATE SKIP LOCKED) instead of one db-scheduler execution per step.
--
-- lease_until: for a step in 'sending', when its claim runs out. The node that holds it
-- renews the lease while it works; a step whose lease has passed (its node died, or a
-- delivery asked to be retried at that time) is claimed again as another attempt, which
-- looks for its delivery marker before sending.
alter table nurture_step_runs add column lease_until timestamptz;

-- Exactly the two queries the claim runs. A lease is set only while a step is 'sending'; the
-- lease index's predicate is on the lease, not the status, so that the statements that record a
-- batch (status = 'sending', by primary key) are never planned over it.
create index nurture_step_runs_due_idx on nurture_step_runs (due_at) where status = 'scheduled';
create index nurture_step_runs_lease_idx on nurture_step_runs (lease_until) where lease_until is not null;

-- Steps in flight under db-scheduler keep their retry time as their lease.
update nurture_step_runs s set lease_until = t.execution_time
from scheduled_tasks t
where t.task_name = 'send-step' and t.task_instance = s.enrollment_id || '/' || s.step_no and s.status = 'sending';
update nurture_step_runs set lease_until = updated_at where status = 'sending' and lease_until is null;
delete from scheduled_tasks where task_name = 'send-step';

-- The hot table is updated twice per step: vacuum it and its statistics early.
alter table nurture_step_runs set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02,
    fillfactor = 90);
alter table messages set (autovacuum_analyze_scale_factor = 0.02);
