-- Four eyes: nobody approves figures they entered or submitted, unless a data set allows it explicitly
-- (changed only through DataSets.allowSelfApproval, which records who, when and why in the audit trail).
alter table data_set add column allow_self_approval boolean not null default false;
