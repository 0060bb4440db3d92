-- Rate limits of anonymous API clients (issue 14 item 5, issue 17): one row per client key and fixed
-- window, counted by every instance of the platform in the same database.
create table api_rate_window (
    client_key   varchar(200) not null,
    window_start bigint       not null, -- epoch second at which the window began
    hits         integer      not null,
    primary key (client_key, window_start)
);
create index api_rate_window_start on api_rate_window (window_start);
