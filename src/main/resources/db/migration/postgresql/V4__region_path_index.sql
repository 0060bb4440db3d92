-- Subtree queries are `path like '/CN/65/%'`; PostgreSQL needs the pattern operator class for a
-- prefix LIKE to use the index under a non-C collation.
create index region_path_idx on region (path varchar_pattern_ops);
