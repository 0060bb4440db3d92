-- Regional indicators of the enterprise self-assessment (issue 13, regional side; decision 0065).
-- 贯标 (两化融合管理体系贯标) and 示范 (两化融合示范企业) flags of an enterprise, with who set them and when.
alter table asm_enterprise add column pilot boolean default false not null;
alter table asm_enterprise add column demonstration boolean default false not null;
alter table asm_enterprise add column flags_set_by varchar(64);
alter table asm_enterprise add column flags_set_at timestamp with time zone;
create index asm_assessment_questionnaire_idx on asm_assessment (questionnaire_id, status, submitted_at);

-- Per county, questionnaire version and year of submission: the summary of the submitted assessments (count, sum and
-- largest score: enough for the (1, 85 %) rule over any union of counties), counts per stage and flag, and 规上
-- coverage. Rewritten for one county after each submission or return (incremental), all at once by a full
-- recomputation; the regional figures and their disclosure control are computed from these rows.
create table asm_county_summary (
    questionnaire_id   bigint  not null references asm_questionnaire (id),
    period_year        integer not null,
    region_id          bigint  not null references region (id),
    assessments        integer not null,
    score_sum          numeric(16, 3) not null,
    score_max          numeric(7, 3) not null,
    stage_starting     integer not null,
    stage_single       integer not null,
    stage_integration  integer not null,
    stage_innovation   integer not null,
    pilot              integer not null,
    demonstration      integer not null,
    above_answered     integer not null,
    above_registered   integer not null,
    constraint asm_county_summary_pk primary key (questionnaire_id, period_year, region_id)
);

-- The indicators themselves, computed by the assessment module (never reported): named as computed from the
-- self-assessment; NOT the official 两化融合发展指数. NOT_ADDITIVE: every level is computed from the enterprises
-- below it, never from the levels below.
insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, nature, decimals, description_zh, description_en) values
('ASM_MEAN_SCORE', '企业两化融合自评估平均得分（平台自评估问卷计算）', 'Mean IT–industrialisation integration self-assessment score (computed from the platform questionnaire)', '分', 'points', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 1,
 '由本平台企业自评估（问卷 example-gbt23020，示例问卷）已提交结果计算的平均总分；不是官方两化融合发展指数。经统计保密控制：企业少于5家或单一企业占比超过85%的地区不发布。', 'Mean total score of the self-assessments submitted on this platform (questionnaire example-gbt23020, an example); not the official IT–industrialisation integration index. Under disclosure control: regions with fewer than 5 enterprises or one above 85 % are not published.'),
('ASM_SHARE_INTEGRATION', '自评估达到集成提升及以上阶段的企业占比（平台自评估问卷计算）', 'Share of self-assessed enterprises at the integration stage or above (computed from the platform questionnaire)', '%', '%', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 1,
 '已提交自评估的企业中，阶段为集成提升或创新突破的占比（问卷 example-gbt23020）。', 'Of the enterprises with a submitted self-assessment, the share at the integration or innovation stage (questionnaire example-gbt23020).'),
('ASM_ASSESSED', '提交两化融合自评估的企业数（平台计算）', 'Enterprises with a submitted IT–industrialisation integration self-assessment (computed)', '家', 'enterprises', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 0, '', ''),
('ASM_STAGE_STARTING', '自评估处于起步建设阶段的企业数（平台计算）', 'Self-assessed enterprises at the starting stage (computed)', '家', 'enterprises', 'NEGATIVE', 'NOT_ADDITIVE', 'EXPECTED', 0, '', ''),
('ASM_STAGE_SINGLE', '自评估处于单项覆盖阶段的企业数（平台计算）', 'Self-assessed enterprises at the single-coverage stage (computed)', '家', 'enterprises', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 0, '', ''),
('ASM_STAGE_INTEGRATION', '自评估处于集成提升阶段的企业数（平台计算）', 'Self-assessed enterprises at the integration stage (computed)', '家', 'enterprises', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 0, '', ''),
('ASM_STAGE_INNOVATION', '自评估处于创新突破阶段的企业数（平台计算）', 'Self-assessed enterprises at the innovation stage (computed)', '家', 'enterprises', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 0, '', ''),
('ASM_PILOT', '参加自评估的两化融合管理体系贯标企业数（平台计算）', 'Self-assessed enterprises certified to the integration management system standard (computed)', '家', 'enterprises', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 0, '', ''),
('ASM_DEMONSTRATION', '参加自评估的两化融合示范企业数（平台计算）', 'Self-assessed IT–industrialisation integration demonstration enterprises (computed)', '家', 'enterprises', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 0, '', ''),
('ASM_COVERAGE', '规上企业两化融合自评估覆盖率（平台计算）', 'Coverage of the integration self-assessment among above-scale enterprises (computed)', '%', '%', 'POSITIVE', 'NOT_ADDITIVE', 'EXPECTED', 1,
 '已提交自评估的规上企业数占本平台登记的规上企业数的百分比。', 'Above-scale enterprises with a submitted self-assessment as a percentage of the above-scale enterprises registered on the platform.');
