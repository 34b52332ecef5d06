-- The booking webhooks' durable inbox (docs/webhook-inbox.md). A delivery is verified,
-- deduplicated (webhook_events) and stored here in one statement, answered, and applied
-- by the inbox's workers in batches; the row goes in the transaction that applies it.

-- When an event was applied: null while its delivery waits in the inbox.
alter table webhook_events add column processed_at timestamptz;
update webhook_events set processed_at = received_at;

create table nurture_webhook_inbox (
    id              bigserial   primary key,
    source          text        not null,
    -- the delivery's first event (its others, one per attendee, follow in the body)
    event_id        text        not null,
    -- the first event's contact key, and its lane (a hash of it): one lane is applied by
    -- one worker at a time, in id order, so a contact's events keep their order
    contact_key     text        not null,
    lane            smallint    not null,
    body            bytea       not null,
    received_at     timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    -- the failure's classes only (messages can carry patient data)
    last_error      text
);

create index nurture_webhook_inbox_lane on nurture_webhook_inbox (lane, id);
-- the deliveries held by a failure (few, usually none): what holds a contact's later ones
create index nurture_webhook_inbox_held on nurture_webhook_inbox (lane, contact_key, id) where attempts > 0;
