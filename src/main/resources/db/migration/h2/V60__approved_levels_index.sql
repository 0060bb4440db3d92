-- Progress and comparison pages read approved levels in bulk (see the PostgreSQL migration, which
-- makes this a partial covering index; H2 has neither, so the key columns only).
create index observation_approved_level_idx on observation (indicator_id, region_id, disaggregation_id, period);
