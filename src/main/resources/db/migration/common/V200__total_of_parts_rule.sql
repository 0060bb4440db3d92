-- A validation rule kind: 合计等于分项之和 (TOTAL_OF_PARTS), a reported total against the sum of a complete
-- set of its parts (the categories of one dimension of the data set's breakdowns), within a tolerance
-- in percent of the total kept in threshold_pct (0: exactly).
alter table validation_rule drop constraint validation_rule_kind_check;
alter table validation_rule add constraint validation_rule_kind_check
    check (kind in ('RANGE', 'REQUIRED', 'COMPARISON', 'YOY_CHANGE', 'TOTAL_OF_PARTS'));
alter table validation_rule add constraint validation_rule_total_of_parts_check
    check (kind <> 'TOTAL_OF_PARTS' or (threshold_pct is not null and threshold_pct >= 0));
