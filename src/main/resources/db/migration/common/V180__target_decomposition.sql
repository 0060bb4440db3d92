-- Target decomposition (分解落实): a target split among sub-regions or assigned to departments. Each part
-- is a target of its own (same plan, same indicator, its own region) that points at the whole; a part
-- given as a share of the whole keeps the share (in percent), a part assigned to a department names it.
alter table target add column parent_target_id bigint references target (id);
alter table target add column share_percent numeric(9, 4);
alter table target add column organisation_id bigint references organisation (id);
create index target_parent_idx on target (parent_target_id);
