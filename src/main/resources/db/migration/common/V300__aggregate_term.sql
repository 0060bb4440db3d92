-- What a region passes up to its parent when an indicator is aggregated (the engine's Contribution:
-- two terms, the units below counted as covered and expected, the units lacking a weight or
-- denominator), stored where it is not what the region's own figures alone pass up. An approval
-- recomputes only its county's ancestors, each from its sub-regions' rows here (incremental
-- aggregation); a full recomputation rewrites them. Internal to the aggregation module, rewritten
-- with aggregate_value: no foreign keys, so nothing else has to delete them first.
create table aggregate_term (
    indicator_id bigint          not null,
    region_id    bigint          not null,
    period       varchar(10)     not null,
    term_a       numeric(60, 30),
    term_b       numeric(60, 30),
    covered      integer         not null,
    expected     integer         not null,
    lacking      integer         not null,
    constraint aggregate_term_pk primary key (indicator_id, period, region_id)
);
