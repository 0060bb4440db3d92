-- A number that changes whenever an account's role, scope or enabled flag changes or its password is
-- reset. A session keeps the stamp it logged in with and is ended at its next request when the
-- account's stamp differs, on every application instance sharing this database.
alter table account add column security_stamp integer not null default 0;
