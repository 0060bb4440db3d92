-- Regions and organisations are authored in the running system: nothing referred to is deleted, it is
-- retired (retired_at set; pages say so). Levels above the country (WORLD, international GROUPING) let an
-- analyst put 141 countries under a world region.
alter table region add column retired_at timestamp with time zone;
alter table organisation add column retired_at timestamp with time zone;
alter table region drop constraint region_level_check;
alter table region add constraint region_level_check check (level in ('WORLD', 'GROUPING', 'COUNTRY', 'PROVINCE',
    'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'CORPS', 'DIVISION', 'REGIMENT'));
