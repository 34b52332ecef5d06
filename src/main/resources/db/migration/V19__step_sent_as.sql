-- How a sent step went out on a 24 h-window channel: free text (free, inside the window)
-- or an approved template (paid, outside it); null where the channel has no such rule.
alter table nurture_step_runs
    add column sent_as text check (sent_as in ('free_text', 'template'));
