-- Imports take the ids of new figures from the identity sequence, up to a million at a time: each
-- session keeps 1,000 ids at hand instead of asking the sequence for every one (ids keep gaps, as
-- they may anyway).
alter table observation alter column id set cache 1000;
