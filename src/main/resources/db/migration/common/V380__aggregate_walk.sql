-- Scratch tables of the set-based full recomputation (aggregation, decision 0069): filled and emptied
-- inside the one transaction of Aggregates.recomputeAll(), which holds every indicator row locked, so no
-- other transaction ever sees rows here. No keys to other tables: nothing else reads or deletes them.
-- The rule of each indicator aggregated up the region tree (1 sum, 2 mean, 3 weighted mean, 4 ratio of sums).
create table aggregate_walk_rule (
    indicator_id   bigint          not null primary key,
    rule           integer         not null,
    withhold       boolean         not null,
    scale          numeric(10, 0)  not null,
    weight_id      bigint,
    numerator_id   bigint,
    denominator_id bigint,
    unit_set       integer         not null
);
-- For each set of reporting levels: whether a region is a reporting unit, and how many units it expects below.
create table aggregate_walk_unit (
    unit_set  integer not null,
    region_id bigint  not null,
    unit      boolean not null,
    expected  integer not null,
    constraint aggregate_walk_unit_pk primary key (unit_set, region_id)
);
-- Totals made from every category of one declared dimension (an additive indicator without its total).
create table aggregate_walk_part (
    indicator_id bigint         not null,
    period       varchar(10)    not null,
    region_id    bigint         not null,
    v            numeric(30, 8) not null
);
create table aggregate_walk_period (
    period       varchar(10) not null primary key,
    period_start date        not null
);
-- Every region whose sub-regions passed something up: its aggregate and what it passes up in turn.
create table aggregate_walk (
    depth        integer         not null,
    indicator_id bigint          not null,
    period       varchar(10)     not null,
    region_id    bigint          not null,
    computed     numeric(70, 34),
    withheld     boolean         not null,
    covered      integer         not null,
    expected     integer         not null,
    input_count  integer         not null,
    lack         varchar(12),
    lacking      integer         not null,
    has_row      boolean         not null,
    up_a         numeric(70, 34),
    up_b         numeric(70, 34),
    up_covered   integer         not null,
    up_expected  integer         not null,
    up_lacking   integer         not null,
    keep_term    boolean         not null
);
create index aggregate_walk_idx on aggregate_walk (depth, indicator_id, period, region_id);
-- What a region's sub-regions passed up and its own figures, the input of aggregate_walk at one depth.
create table aggregate_walk_in (
    depth        integer         not null,
    indicator_id bigint          not null,
    period       varchar(10)     not null,
    region_id    bigint          not null,
    x            numeric(30, 8),
    w            numeric(30, 8),
    num          numeric(30, 8),
    den          numeric(30, 8),
    n            integer         not null,
    sa           numeric(70, 34) not null,
    sb           numeric(70, 34) not null,
    cov          integer         not null,
    lb           integer         not null
);
create index aggregate_walk_in_idx on aggregate_walk_in (depth);
