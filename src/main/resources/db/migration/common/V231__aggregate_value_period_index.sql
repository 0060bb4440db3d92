-- An approval rewrites one period of an indicator and now reads that period's aggregates first to
-- write only the rows that changed: one index range instead of every period's rows of the indicator.
create index aggregate_value_period_idx on aggregate_value (indicator_id, period);
