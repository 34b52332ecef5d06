-- Who holds a Chatwoot conversation, from Chatwoot's account webhooks: the assignee
-- (a User or an AgentBot such as Captain), the status (open, pending, snoozed,
-- resolved), until when it is snoozed, and when a person or bot last wrote in it.
alter table chatwoot_conversations
    add column assignee_id           bigint,
    add column assignee_type         text,
    add column status                text,
    add column snoozed_until         timestamptz,
    add column last_agent_message_at timestamptz;
