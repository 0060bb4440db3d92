-- The full recomputation's scratch tables without indexes on PostgreSQL (decision 0085): each step reads a
-- whole depth of them by hash joins, and keeping the indexes up to date cost more than the steps that read
-- them (on 684,000 rows of one depth: the insert 3.7 s with the index, 1.5 s without). H2, which joins by
-- index lookups, keeps them.
drop index aggregate_walk_idx;
drop index aggregate_walk_in_idx;
drop index aggregate_walk_fig_idx;
