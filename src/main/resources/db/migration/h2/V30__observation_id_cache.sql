-- PostgreSQL only (postgresql/V30): H2 takes no ids from the sequence in advance.
select 1;
