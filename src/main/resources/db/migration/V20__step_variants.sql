-- Variants (A/B) of a step: up to three named contents (an objective, optionally a tone)
-- of one step of a sequence version. A step without rows here has one content, its own.
create table nurture_step_variants (
    sequence_key text not null,
    version      int  not null,
    step_no      int  not null,
    name         text not null check (name in ('a', 'b', 'c')),
    objective    text not null,
    tone         text,
    primary key (sequence_key, version, step_no, name),
    foreign key (sequence_key, version, step_no) references nurture_steps (sequence_key, version, step_no)
);

-- The variant a planned step was drawn into (its objective is then the variant's); null
-- for a step without variants and for the control arm, which is sent nothing.
alter table nurture_step_runs
    add column variant text check (variant in ('a', 'b', 'c'));
