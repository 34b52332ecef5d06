-- A conversation Nurture handed to the clinic's people (booking intent): when, and why
-- (shown on the timeline of the steps it holds); cleared when the conversation is
-- resolved. And when the contact last asked a question there, which holds the next step
-- until a person answered it.
alter table chatwoot_conversations
    add column handed_off_at  timestamptz,
    add column handoff_reason text,
    add column question_at    timestamptz;
