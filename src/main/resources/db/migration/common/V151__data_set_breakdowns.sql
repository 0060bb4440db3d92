-- Breakdowns a data set collects (分组: urban and rural-pastoral; several dimensions are crossed): the
-- categories by which its figures may be reported. For an additive indicator, the categories of one
-- dimension that the data sets collecting it declare are its parts: all of them reported make the
-- total where none is reported (module aggregation).
create table data_set_breakdown (
    data_set_id       bigint  not null references data_set (id),
    disaggregation_id bigint  not null references disaggregation (id),
    ordinal           integer not null,
    constraint data_set_breakdown_pk primary key (data_set_id, disaggregation_id)
);
