-- H2 has no procedural triggers without Java classes; the application never updates or deletes
-- audit rows, and the PostgreSQL migration of the same version enforces it in the database.
select 1;
