-- The open slots a sent step offered, numbered as its message numbered them, so that a
-- reply "2" (or "sexta", "a das 10") resolves to one of them.
create table nurture_offered_slots (
    enrollment_id bigint      not null,
    step_no       int         not null,
    position      int         not null,
    contact_id    bigint      not null references contacts (id) on delete cascade,
    starts_at     timestamptz not null,
    link          text        not null,
    offered_at    timestamptz not null,
    primary key (enrollment_id, step_no, position)
);

create index nurture_offered_slots_contact on nurture_offered_slots (contact_id, offered_at desc);
