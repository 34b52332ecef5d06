-- Contacts: patients and leads. external_id is the clinic-side key; contact_keys holds every key
-- that has named the contact (a booking system's id, a Chatwoot id, ...).
create table contacts (
    id                     bigint generated always as identity primary key,
    external_id            text        not null unique,
    name                   text,
    phone                  text,
    email                  text,
    timezone               text        not null default 'UTC',
    locale                 text,
    preferred_channel      text        not null default 'whatsapp',
    instagram_source_id    text,
    procedure_interest     text,
    interests              text[]      not null default '{}',
    marketing_consent      boolean     not null default true,
    status                 text        not null default 'active' check (status in ('active', 'opted_out')),
    tags                   text[]      not null default '{}',
    warm_lead_at           timestamptz,
    no_show_at             timestamptz,
    last_inbound_at        timestamptz,
    last_nurture_at        timestamptz,
    care_plan_procedure    text,
    care_plan_completed_at timestamptz,
    rebook_due_at          timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create index contacts_email_idx on contacts (lower(email));
create index contacts_phone_idx on contacts (phone);
create index contacts_warm_lead_idx on contacts (warm_lead_at) where warm_lead_at is not null;
create index contacts_rebook_due_idx on contacts (rebook_due_at) where rebook_due_at is not null;

create table contact_keys (
    key        text primary key,
    contact_id bigint not null references contacts (id) on delete cascade
);
create index contact_keys_contact_idx on contact_keys (contact_id);

create table bookings (
    id          bigint generated always as identity primary key,
    source      text        not null,
    external_id text        not null,
    contact_id  bigint      not null references contacts (id) on delete cascade,
    status      text        not null check (status in ('booked', 'cancelled', 'no_show', 'completed')),
    starts_at   timestamptz,
    service     text,
    procedure   text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (source, external_id)
);
create index bookings_contact_idx on bookings (contact_id, starts_at);

-- Every webhook delivery we processed: the primary key is the dedupe.
create table webhook_events (
    source      text        not null,
    event_id    text        not null,
    event_type  text        not null,
    received_at timestamptz not null,
    primary key (source, event_id)
);

-- What started (or tried to start) re-engagement, for the timeline.
create table triggers (
    id          bigint generated always as identity primary key,
    contact_id  bigint      not null references contacts (id) on delete cascade,
    kind        text        not null,
    source      text        not null,
    event_id    text,
    occurred_at timestamptz not null,
    outcome     text        not null
);
create index triggers_contact_idx on triggers (contact_id, occurred_at);

-- Versioned sequence definitions. A version is immutable once written.
create table nurture_sequences (
    key         text        not null,
    version     int         not null,
    tone        text        not null,
    send_at     time        not null,
    description text,
    created_at  timestamptz not null,
    primary key (key, version)
);

create table nurture_steps (
    sequence_key text not null,
    version      int  not null,
    step_no      int  not null,
    objective    text not null,
    day          int,
    delay        text,
    primary key (sequence_key, version, step_no),
    foreign key (sequence_key, version) references nurture_sequences (key, version),
    check ((day is null) <> (delay is null))
);

create table nurture_enrollments (
    id               bigint generated always as identity primary key,
    contact_id       bigint      not null references contacts (id) on delete cascade,
    sequence_key     text        not null,
    sequence_version int         not null,
    status           text        not null check (status in ('active', 'paused', 'completed', 'ended')),
    started_at       timestamptz not null,
    paused_at        timestamptz,
    ended_at         timestamptz,
    end_reason       text,
    foreign key (sequence_key, sequence_version) references nurture_sequences (key, version)
);
-- The no-double-enrollment rule lives here, not in a check-then-insert.
create unique index nurture_enrollments_one_live_per_contact
    on nurture_enrollments (contact_id) where status in ('active', 'paused');
create index nurture_enrollments_sequence_idx on nurture_enrollments (sequence_key, status);
create index nurture_enrollments_contact_idx on nurture_enrollments (contact_id, started_at);

-- One row per planned step of an enrollment: its planned time, what happened and why.
create table nurture_step_runs (
    enrollment_id   bigint      not null references nurture_enrollments (id) on delete cascade,
    step_no         int         not null,
    contact_id      bigint      not null,
    objective       text        not null,
    due_at          timestamptz not null,
    status          text        not null check (status in ('scheduled', 'sending', 'sent', 'skipped', 'cancelled', 'failed')),
    channel         text,
    content         text,
    composer        text,
    reason          text,
    delivery_marker text        not null,
    started_at      timestamptz,
    sent_at         timestamptz,
    updated_at      timestamptz not null,
    primary key (enrollment_id, step_no)
);
create index nurture_step_runs_contact_idx on nurture_step_runs (contact_id, due_at);

create table messages (
    id            bigint generated always as identity primary key,
    contact_id    bigint      not null references contacts (id) on delete cascade,
    direction     text        not null check (direction in ('in', 'out')),
    channel       text,
    content       text,
    enrollment_id bigint,
    step_no       int,
    external_id   text,
    created_at    timestamptz not null
);
create index messages_contact_idx on messages (contact_id, created_at);

-- Dry-run delivery: what would have gone to Chatwoot. The marker makes delivery idempotent.
create table outbox (
    id              bigint generated always as identity primary key,
    contact_id      bigint      not null references contacts (id) on delete cascade,
    channel         text        not null,
    content         text        not null,
    delivery_marker text        not null unique,
    created_at      timestamptz not null
);

create table contact_preferences (
    contact_id     bigint           not null references contacts (id) on delete cascade,
    key            text             not null,
    value          text             not null,
    confidence     double precision not null,
    evidence_count int              not null,
    updated_at     timestamptz      not null,
    primary key (contact_id, key)
);

-- Clinic knowledge (contact_id null) and what a contact told us about themselves.
create table memory_knowledge (
    id                bigint generated always as identity primary key,
    contact_id        bigint references contacts (id) on delete cascade,
    kind              text        not null,
    topic             text,
    content           text        not null,
    source_message_id bigint references messages (id) on delete set null,
    valid_from        date,
    valid_until       date,
    created_at        timestamptz not null
);
create index memory_knowledge_contact_idx on memory_knowledge (contact_id);

-- The simulated clock's "now", so a restart continues from it.
create table simulated_clock (
    id  int primary key check (id = 1),
    now timestamptz not null
);

-- db-scheduler's table (its PostgreSQL schema).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
