-- Per-industry questionnaire variants (issue 13): the variant an assessment answers, fixed when it is started
-- from the enterprise's industry; null for the questionnaire itself. Scores compare within one variant only.
alter table asm_assessment add column variant varchar(64);
