-- Aggregates (汇总值): for each indicator, region and period, the figure computed from the
-- sub-regions' approved figures by the indicator's rule, with its coverage (报送率). Kept live:
-- rewritten for an indicator and period in the transaction that approves or reopens figures of it
-- (module aggregation). A row exists where a computed figure exists, also beside a reported one
-- (to show their difference). Derived indicators' values (formulas) are rows too.
create table aggregate_value (
    indicator_id bigint         not null references indicator (id),
    region_id    bigint         not null references region (id),
    period       varchar(10)    not null,
    period_start date           not null,
    computed     numeric(38, 12) not null,
    withheld     boolean        not null default false,
    derived      boolean        not null default false,
    covered      integer        not null,
    expected     integer        not null,
    input_count  integer        not null,
    updated_at   timestamp with time zone not null,
    constraint aggregate_value_pk primary key (indicator_id, region_id, period)
);
create index aggregate_value_region_idx on aggregate_value (region_id, indicator_id);
