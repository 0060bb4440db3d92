create index region_path_idx on region (path);
