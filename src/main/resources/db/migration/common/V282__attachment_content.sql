-- Supervision attachments' bytes in the database (issue 17, decision 0044), keyed by the stored name
-- sup_attachment already records: no instance keeps a file on its own disk.
create table sup_attachment_content (
    stored_name  varchar(64) primary key,
    content      bytea not null
);
