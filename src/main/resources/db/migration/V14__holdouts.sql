-- Holdout groups: a sequence version names the share of its enrollments held out as a
-- control (sent nothing), and each enrollment records the arm it was drawn into.
alter table nurture_sequences
    add column holdout_percent int not null default 0 check (holdout_percent between 0 and 50);
-- The triggered sequences hold out 10 % by default; the drip none. Enrollments that
-- already started keep the treatment arm they ran in.
update nurture_sequences set holdout_percent = 10 where key in ('warm_lead', 'no_show', 'lapsed');

alter table nurture_enrollments
    add column arm text not null default 'treatment' check (arm in ('treatment', 'control'));
-- The arm a contact had in a sequence before is the arm it keeps (sticky).
create index nurture_enrollments_contact_sequence_idx on nurture_enrollments (contact_id, sequence_key, id desc);
