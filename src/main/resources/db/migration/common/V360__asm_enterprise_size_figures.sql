-- Size class by the NBS 2017 rule (issue 13): the figures it is derived from (从业人员 persons, 营业收入 and
-- 资产总额 in 万元), and whether the class was derived from them or only stated (figures missing).
alter table asm_enterprise add column employees bigint;
alter table asm_enterprise add column revenue numeric(18, 2);
alter table asm_enterprise add column total_assets numeric(18, 2);
alter table asm_enterprise add column size_stated boolean default true not null;
