-- Reported versus computed (统计口径差异): where a region reports its own figure and an aggregate of its
-- sub-regions also exists, pages flag their difference when it exceeds this share of the reported
-- figure (0.05 = 5 %), set per indicator by the planner (framework files: difference_threshold);
-- null: the platform's default of 5 %.
alter table indicator add column difference_threshold numeric(9, 6);
alter table indicator add constraint indicator_difference_threshold_check
    check (difference_threshold is null or difference_threshold >= 0);
