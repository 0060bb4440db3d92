-- The audit trail is append-only on H2 too: a Java trigger refuses every UPDATE and DELETE of
-- audit_event (PostgreSQL does it with PL/pgSQL triggers, postgresql/V12 and V90).
create trigger audit_event_no_update before update, delete on audit_event
    for each row call 'org.yardstick.audit.internal.AppendOnlyTrigger';

-- H2 truncates without firing triggers, but never truncates a table another table references: this
-- empty table's foreign key makes TRUNCATE of audit_event fail (as the trigger does on PostgreSQL).
create table audit_event_truncate_guard (
    event_id bigint references audit_event (id)
);
