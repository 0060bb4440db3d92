-- Progress and comparison pages read approved levels in bulk: every series of a plan's targets, or
-- one indicator in every region of a level. This partial covering index answers those reads from
-- the index alone (an index-only scan, no visit to the table per row): at national scale (6 million
-- observations) one indicator's 30,000 figures are otherwise 30,000 scattered table pages.
create index observation_approved_level_idx on observation (indicator_id, region_id, disaggregation_id, period)
    include (id, obs_value, qualifier, qualifier_text, version, updated_at)
    where status = 'APPROVED' and measure = 'LEVEL';
