-- State that every instance of a cluster must share (issue 17).
-- cache_stamp: what an instance keeps in memory (validation rules, region trees) is tagged with the stamp
-- of its name; a change bumps the stamp in its own transaction, and an instance whose copy carries an
-- older stamp reads again (decision 0043). Names are listed here: bumping an unknown one is an error.
create table cache_stamp (
    name   varchar(64) primary key,
    stamp  bigint      not null
);
insert into cache_stamp (name, stamp) values ('validation.rules', 0);
insert into cache_stamp (name, stamp) values ('regions', 0);

-- login_failure: wrong passwords counted per client address (kind SOURCE) and per account name (ACCOUNT),
-- as security.internal.LoginThrottle did in memory: every instance sees the same counts.
create table login_failure (
    kind          varchar(8)   not null,
    name          varchar(255) not null,
    failures      integer      not null,
    not_before    timestamp with time zone not null,
    last_failure  timestamp with time zone not null,
    constraint login_failure_pk primary key (kind, name),
    constraint login_failure_kind check (kind in ('SOURCE', 'ACCOUNT'))
);
create index login_failure_last_idx on login_failure (last_failure);
