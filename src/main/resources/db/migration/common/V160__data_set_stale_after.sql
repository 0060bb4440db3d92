-- Stale data (数据过时): a figure older than this many years, counted from today's year, is flagged
-- wherever a status rests on it. Set per data set by a planner or administrator (observation.Staleness,
-- audited); indicators in no data set use the default of 2 years.
alter table data_set add column stale_after_years integer not null default 2;
alter table data_set add constraint data_set_stale_after_positive check (stale_after_years between 1 and 50);
