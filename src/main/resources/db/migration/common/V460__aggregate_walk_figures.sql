-- The approved figures a full recomputation reads (aggregation, decision 0070): staged once per run from
-- observation (totals, else totals from parts) with their region's depth, so the walk reads observation
-- once instead of about twice per depth. Scratch like the other aggregate_walk* tables (V380).
create table aggregate_walk_fig (
    depth        integer        not null,
    indicator_id bigint         not null,
    period       varchar(10)    not null,
    region_id    bigint         not null,
    v            numeric(38, 16) not null
);
create index aggregate_walk_fig_idx on aggregate_walk_fig (depth);
