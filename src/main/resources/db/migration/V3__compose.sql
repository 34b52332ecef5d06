-- Which composer wrote a step's message and why (fallback reason, guardrail rejections).
alter table nurture_step_runs add column composer_reason text;

-- Knowledge items: where a clinic item came from ('file' items are reloaded from
-- nurture.knowledge-file at start; 'admin' items were written through the API and kept),
-- and the language it is written in (null: any).
alter table memory_knowledge add column origin text not null default 'admin' check (origin in ('file', 'admin', 'contact'));
alter table memory_knowledge add column language text;
create index memory_knowledge_clinic_idx on memory_knowledge (kind, topic) where contact_id is null;

-- The guardrail looks up other contacts by full name.
create index contacts_lower_name_idx on contacts (lower(name));
