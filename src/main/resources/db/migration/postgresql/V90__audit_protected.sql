-- The audit trail is protected in the database (V12 refuses UPDATE and DELETE row by row):
-- 1. TRUNCATE is refused too, for every role, the table's owner included (a statement trigger).
create function audit_event_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: TRUNCATE is refused';
end
$$;
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_no_truncate();

-- 2. When the schema is migrated by its own owner role (spring.flyway.user, see docs/operations.md)
--    and the application connects as another role (spring.datasource.username, the placeholder
--    app_role), the application gets data privileges only: no DDL, no TRUNCATE, no ALTER, nor can
--    it drop the triggers above; on audit_event it may only read and append. When both are the same
--    role (the simple deployment) nothing changes: an owner keeps every privilege on its tables.
do $$
declare
    app text := '${app_role}';
begin
    if app <> current_user and exists (select from pg_roles where rolname = app) then
        execute format('grant usage on schema %I to %I', current_schema(), app);
        execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), app);
        execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), app);
        execute format('revoke all on audit_event from %I', app);
        execute format('grant select, insert on audit_event to %I', app);
        execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                       current_schema(), app);
        execute format('alter default privileges in schema %I grant usage, select on sequences to %I',
                       current_schema(), app);
    end if;
end
$$;
