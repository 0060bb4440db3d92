-- A failed job's problems and message keep their message key and arguments (JSON arrays), so that they are
-- read in the reader's language (issue 10), not only in the English they were stored in.
alter table job_problem add column args varchar(4000) default '[]' not null;
alter table job add column message_key varchar(100) default '' not null;
alter table job add column message_args varchar(1000) default '[]' not null;
