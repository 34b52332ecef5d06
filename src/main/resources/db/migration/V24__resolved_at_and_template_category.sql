-- When Chatwoot last told us a conversation became resolved (Chatwoot's own update time
-- of the conversation, not later than its arrival): a reply's quiet gap ends early once
-- the conversation is resolved after the last message. Null while it is not resolved.
alter table chatwoot_conversations
    add column resolved_at timestamptz;
-- The Meta category of the template a step went out as (utility or marketing), as it was
-- configured when the step was sent, so a later change of the configuration does not
-- rewrite what the clinic was billed for; null for free text and for steps sent before.
alter table nurture_step_runs
    add column template_category text check (template_category in ('utility', 'marketing'));
