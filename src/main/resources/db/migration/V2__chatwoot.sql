-- Chatwoot routing: the conversation each contact is reached in, per inbox, and when the
-- contact last wrote in it (the WhatsApp 24 h window is per conversation). The Chatwoot
-- contact id itself is a contact key, chatwoot:<id>.
create table chatwoot_conversations (
    conversation_id bigint      not null primary key,
    contact_id      bigint      not null references contacts (id) on delete cascade,
    inbox_id        bigint      not null,
    source_id       text,
    last_inbound_at timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index chatwoot_conversations_contact_idx on chatwoot_conversations (contact_id, inbox_id);

-- What Chatwoot later tells us about a step's message (message_updated).
alter table nurture_step_runs
    add column attempts        int  not null default 0,
    add column external_id     text,
    add column provider_id     text,
    add column delivery_status text,
    add column delivery_error  text,
    add column delivered_at    timestamptz,
    add column read_at         timestamptz;
create index nurture_step_runs_marker_idx on nurture_step_runs (delivery_marker);
