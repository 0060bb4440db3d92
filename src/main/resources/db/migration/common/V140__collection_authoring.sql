-- Data sets authored in the running system (issue 10): the regions whose subtree reports a data set
-- (none: every region of its level), how many decimals its figures may carry (none: as many as stored),
-- retirement instead of deletion, and the reason a window was opened (a past period for back-filling).
-- Figures are stored exactly as published panels give them: 16 decimals (13+ significant digits), not 8.
alter table observation alter column obs_value set data type numeric(38, 16);

alter table data_set add column max_decimals integer;
alter table data_set add column retired_at timestamp with time zone;
alter table data_set add column retired_by varchar(64);
alter table data_set add column retired_reason varchar(1000) not null default '';
alter table data_set add constraint data_set_max_decimals_check check (max_decimals is null or max_decimals between 0 and 16);

create table data_set_region (
    data_set_id bigint not null references data_set (id) on delete cascade,
    region_id   bigint not null references region (id),
    constraint data_set_region_pk primary key (data_set_id, region_id)
);

alter table collection_window add column reason varchar(1000) not null default '';
