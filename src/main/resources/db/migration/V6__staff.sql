-- The funnel (docs/dashboard.md, "Funnel at a million enrollments") reads enrollments by the
-- period they started in, then each one's step runs (primary key), the contact's inbound
-- messages in the 48 h after a sent step, and the contact's bookings after it started: each
-- of those is an index range scan per enrollment, never a scan of a whole table.
create index nurture_enrollments_started_idx on nurture_enrollments (started_at, sequence_key);
create index messages_inbound_idx on messages (contact_id, created_at) where direction = 'in';
create index bookings_contact_created_idx on bookings (contact_id, created_at);

-- The dashboard's upcoming sends and the metrics poller's recent window.
create index nurture_step_runs_scheduled_idx on nurture_step_runs (due_at) where status = 'scheduled';
create index nurture_step_runs_updated_idx on nurture_step_runs (updated_at);
