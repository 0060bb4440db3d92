-- Scratch tables of the full recomputation unlogged on PostgreSQL (decision 0070): their rows live only
-- inside the one transaction of Aggregates.recomputeAll() and are emptied at its end, so nothing is lost in a
-- crash that a run would not rewrite; no write-ahead log for millions of scratch rows. H2 has no such tables.
alter table aggregate_walk_fig set unlogged;
alter table aggregate_walk set unlogged;
alter table aggregate_walk_in set unlogged;
alter table aggregate_walk_part set unlogged;
alter table aggregate_walk_period set unlogged;
alter table aggregate_walk_unit set unlogged;
alter table aggregate_walk_rule set unlogged;
