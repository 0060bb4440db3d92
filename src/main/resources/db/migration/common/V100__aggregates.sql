-- Aggregates (汇总值): for each indicator, region and period, the figure computed from the
-- sub-regions' approved figures by the indicator's rule, with its coverage (报送率). Kept live:
-- rewritten for an indicator and period in the transaction that approves or reopens figures of it
-- (module aggregation). A row exists where a computed figure exists, also beside a reported one
-- (to show their difference). Derived indicators' values (formulas) are rows too, and so are years
-- (and quarters) made from a region's quarters or months by the indicator's period rule
-- (`from_periods`; then `covered` and `expected` count months).
create table aggregate_value (
    indicator_id bigint         not null references indicator (id),
    region_id    bigint         not null references region (id),
    period       varchar(10)    not null,
    period_start date           not null,
    computed     numeric(38, 12) not null,
    withheld     boolean        not null default false,
    derived      boolean        not null default false,
    from_periods boolean        not null default false,
    covered      integer        not null,
    expected     integer        not null,
    input_count  integer        not null,
    updated_at   timestamp with time zone not null,
    constraint aggregate_value_pk primary key (indicator_id, region_id, period)
);
create index aggregate_value_region_idx on aggregate_value (region_id, indicator_id);

-- How an indicator's months and quarters make its quarters and years: SUM for flows (收入), LAST for
-- end-of-period stocks (年末用户数), MEAN for average stocks; none: no roll-up over periods.
alter table indicator add column period_rule varchar(8);
-- What becomes of a partial aggregate (not every reporting unit below reported): SHOW (the region's
-- figure, progress uses it), WARN (shown with a warning, not used by progress), WITHHOLD (not shown).
alter table indicator add column incomplete varchar(8) not null default 'WARN';
alter table indicator add constraint indicator_incomplete_check check (incomplete in ('SHOW', 'WARN', 'WITHHOLD'));
-- For a mean: the indicator whose figures weight it (population), summed up the tree.
alter table indicator add column weight_id bigint references indicator (id);
alter table indicator add constraint indicator_period_rule_check check (period_rule is null or period_rule in ('SUM', 'LAST', 'MEAN'));
