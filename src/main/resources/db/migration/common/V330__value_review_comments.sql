-- Per-value reviewer comments (issue 15 item 5): when a reviewer returns a submission (退回), a comment on
-- one figure, shown to the reporter beside that field. One row per submission and indicator, replaced on
-- each return; the audit trail keeps every version. Removed with the submission.
create table submission_value_comment (
    submission_id  bigint        not null references submission (id) on delete cascade,
    indicator_code varchar(64)   not null,
    body           varchar(1000) not null,
    author         varchar(64)   not null,
    created_at     timestamp with time zone not null,
    constraint submission_value_comment_pk primary key (submission_id, indicator_code)
);
