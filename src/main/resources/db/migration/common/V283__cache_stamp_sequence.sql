-- A cache stamp is never used twice: a bump takes the next value of a sequence, which no rollback gives
-- back. With "stamp + 1", a copy read inside a transaction that was rolled back carried stamp N + 1, and
-- the next committed change made N + 1 again, so the stale copy passed for current (decision 0043).
create sequence cache_stamp_seq start with 1000000000;
