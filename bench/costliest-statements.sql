-- The ten costliest statements of the mpanel database by total time (pg_stat_statements with
-- track = all, so statements run inside triggers and functions count on their own line). Used by
-- the bench scripts' PROFILE=1.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
SELECT calls, round(total_exec_time) AS total_ms,
       round((total_exec_time / greatest(rows, 1) * 1000)::numeric, 1) AS us_per_row, rows,
       shared_blks_hit AS hit, shared_blks_dirtied AS dirtied, wal_records, pg_size_pretty(wal_bytes) AS wal,
       left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'mpanel')
ORDER BY total_exec_time DESC LIMIT 12;
