-- Long work (a 620k-village import) runs as a job that any instance can report on: its state and
-- progress are rows, written in transactions of their own while the work's transaction runs.
create table job (
    id          varchar(36)   not null primary key,
    kind        varchar(64)   not null,
    owner       varchar(100)  not null,
    state       varchar(16)   not null,
    phase       varchar(32)   not null default '',
    done        bigint        not null default 0,
    total       bigint        not null default 0,
    result      varchar(2000) not null default '',
    message     varchar(2000) not null default '',
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint job_state_check check (state in ('RUNNING', 'SUCCEEDED', 'FAILED'))
);

-- What a refused job found wrong (the first 1,000 problems; the job's message says how many in all).
create table job_problem (
    job_id  varchar(36)   not null references job (id) on delete cascade,
    seq     integer       not null,
    source  varchar(200)  not null,
    line    bigint        not null,
    field   varchar(100)  not null,
    input_value varchar(300) not null,
    code    varchar(100)  not null,
    reason  varchar(1000) not null,
    constraint job_problem_pk primary key (job_id, seq)
);
