-- Direction-only targets (INCREASE, DECREASE: a wanted direction and no number, graded on the growth
-- rate by Statistics Canada's thresholds) and their optional natural limit (a share cannot pass 100).
-- Plain ALTER TABLE statements that H2 (MODE=PostgreSQL) and PostgreSQL both run.
alter table target drop constraint target_kind_check;
alter table target add constraint target_kind_check check (kind in ('VALUE', 'AT_LEAST', 'AT_MOST', 'RANGE', 'CHANGE',
    'GROWTH_RATE', 'MULTIPLE', 'COMPARATOR', 'COUNT', 'MILESTONE', 'INCREASE', 'DECREASE'));

alter table target drop constraint target_numbers_check;
alter table target add constraint target_numbers_check check (
    kind in ('MILESTONE', 'COMPARATOR', 'INCREASE', 'DECREASE') or target_value is not null);

alter table target add column natural_limit numeric(24, 8);
alter table target add constraint target_limit_check check (natural_limit is null or kind in ('INCREASE', 'DECREASE'));
