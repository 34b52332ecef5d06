-- V6 and V8 both indexed the scheduled steps by due time (nurture_step_runs_scheduled_idx and
-- nurture_step_runs_due_idx, the same partial index): every step insert and status change
-- paid for two. The claim's, V8's, stays.
drop index if exists nurture_step_runs_scheduled_idx;
