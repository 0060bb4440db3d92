-- Crossed breakdowns (交叉分组, area × enterprise size; decision 0051): a data set may cross two or more of its
-- dimensions; a figure then carries one combination, a disaggregation row of its own (dimension CROSSED, code
-- the parts' codes joined by '+' in the order of their dimensions' codes, e.g. urban+large) whose parts are
-- listed in disaggregation_part. The combinations are also rows of data_set_breakdown, so a figure carries
-- one disaggregation id as before.
alter table disaggregation drop constraint disaggregation_dimension_check;
alter table disaggregation add constraint disaggregation_dimension_check
    check (dimension in ('TOTAL', 'AREA', 'INDUSTRY', 'ENTERPRISE_SIZE', 'OTHER', 'CROSSED'));
alter table disaggregation alter column code set data type varchar(200);
alter table disaggregation alter column name_zh set data type varchar(400);
alter table disaggregation alter column name_en set data type varchar(1000);

create table disaggregation_part (
    disaggregation_id bigint not null references disaggregation (id),
    part_id           bigint not null references disaggregation (id),
    constraint disaggregation_part_pk primary key (disaggregation_id, part_id)
);

-- The dimensions a data set crosses (none: each dimension sums to the total on its own).
create table data_set_crossed (
    data_set_id bigint      not null references data_set (id),
    dimension   varchar(16) not null,
    ordinal     integer     not null,
    constraint data_set_crossed_pk primary key (data_set_id, dimension)
);
