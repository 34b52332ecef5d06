-- Evidence behind each preference: the Beta(1 + matching, 1 + contrary) rule of docs/learning.md.
alter table contact_preferences add column matching int not null default 0;
alter table contact_preferences add column contrary int not null default 0;

-- Every change of a preference, with the signal that caused it, for the timeline.
create table preference_changes (
    id             bigint generated always as identity primary key,
    contact_id     bigint           not null references contacts (id) on delete cascade,
    key            text             not null,
    value          text             not null,
    confidence     double precision not null,
    evidence_count int              not null,
    reason         text             not null,
    changed_at     timestamptz      not null
);
create index preference_changes_contact_idx on preference_changes (contact_id, changed_at);
