-- An aggregate withheld because a reporting unit below has its figure but not the weight (a
-- weighted mean) or the denominator (a ratio of sums) the rule needs: why (WEIGHT, DENOMINATOR) and
-- how many units lack it. Such an aggregate may have no computed value at all (no unit has a weight).
alter table aggregate_value add column lack varchar(12);
alter table aggregate_value add column lacking integer default 0 not null;
alter table aggregate_value alter column computed drop not null;
