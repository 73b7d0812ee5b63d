-- Monitoring, second part: node samples downsampled (raw for 48 h, 5-minute buckets for 30 days,
-- hourly buckets for a year, each a partitioned table whose retention drops partitions), DNS
-- answer checks, a per-node disk alert threshold, and the alerts that are not about a check or
-- a node being down (a full disk, a slow statement, a job kind failing repeatedly).

-- One row per node, metric and bucket: the mean, the extremes and how many raw samples made it
-- (an hourly bucket weighs its 5-minute buckets by that count).
CREATE TABLE monitoring_samples_5m (
    tenant_id uuid NOT NULL,
    node_id uuid NOT NULL,
    metric text NOT NULL,
    at timestamptz NOT NULL,
    value double precision NOT NULL,
    min_value double precision NOT NULL,
    max_value double precision NOT NULL,
    samples integer NOT NULL,
    PRIMARY KEY (node_id, metric, at)
) PARTITION BY RANGE (at);
SELECT mpanel_isolate_tenant_table('monitoring_samples_5m', false);

CREATE TABLE monitoring_samples_1h (LIKE monitoring_samples_5m INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
                                    PRIMARY KEY (node_id, metric, at)) PARTITION BY RANGE (at);
SELECT mpanel_isolate_tenant_table('monitoring_samples_1h', false);

-- How far each resolution has been rolled up (the end of the last bucket written).
CREATE TABLE monitoring_rollup_marks (
    resolution text PRIMARY KEY CHECK (resolution IN ('5m', '1h')),
    done_until timestamptz NOT NULL
);
COMMENT ON TABLE monitoring_rollup_marks IS 'mpanel:global how far the sample rollups of all tenants have run';
GRANT SELECT ON monitoring_rollup_marks TO mpanel_app, mpanel_staff;

-- Makes the partition of `tbl` that holds `at`: a day for the 5-minute table, a month for the
-- hourly one. Caller holds the partitions lock.
CREATE FUNCTION mpanel_monitoring_rollup_partition(tbl text, at timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    first timestamp;
    next timestamp;
    name text;
BEGIN
    IF tbl = 'monitoring_samples_5m' THEN
        first := date_trunc('day', at AT TIME ZONE 'UTC');
        next := first + interval '1 day';
        name := tbl || '_' || to_char(first, 'YYYYMMDD');
    ELSE
        first := date_trunc('month', at AT TIME ZONE 'UTC');
        next := first + interval '1 month';
        name := tbl || '_' || to_char(first, 'YYYYMM');
    END IF;
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, tbl,
                       first AT TIME ZONE 'UTC', next AT TIME ZONE 'UTC');
    END IF;
END $$;
REVOKE ALL ON FUNCTION mpanel_monitoring_rollup_partition(text, timestamptz) FROM PUBLIC;

-- Rolls every tenant's raw samples up into 5-minute buckets and those into hourly ones, set-based,
-- once per bucket: the buckets that ended two minutes before `now_at` (time for a scrape that
-- commits late) and after the last one rolled. Running it again in the same bucket does nothing.
-- Then drops the rollup partitions past their retention. Returns the number of buckets written.
CREATE FUNCTION mpanel_monitoring_rollup(now_at timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    written integer := 0;
    n integer;
    mark timestamptz;
    from_at timestamptz;
    to_at timestamptz;
    day timestamptz;
    part record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('mpanel_monitoring_partitions'));

    -- 5-minute buckets from the raw samples (kept 48 hours).
    to_at := date_bin(interval '5 minutes', now_at - interval '2 minutes', timestamptz 'epoch');
    SELECT done_until INTO mark FROM monitoring_rollup_marks WHERE resolution = '5m';
    from_at := greatest(least(coalesce(mark, '-infinity'), to_at),
                        date_bin(interval '5 minutes', now_at - interval '48 hours', timestamptz 'epoch'));
    IF from_at < to_at THEN
        day := date_trunc('day', from_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
        WHILE day < to_at LOOP
            PERFORM mpanel_monitoring_rollup_partition('monitoring_samples_5m', day);
            day := day + interval '1 day';
        END LOOP;
        INSERT INTO monitoring_samples_5m AS r (tenant_id, node_id, metric, at, value, min_value, max_value, samples)
            SELECT tenant_id, node_id, metric, date_bin(interval '5 minutes', at, timestamptz 'epoch'), avg(value),
                   min(value), max(value), count(*)
            FROM monitoring_samples WHERE at >= from_at AND at < to_at
            GROUP BY 1, 2, 3, 4
        ON CONFLICT (node_id, metric, at) DO UPDATE
            SET value = excluded.value, min_value = excluded.min_value, max_value = excluded.max_value,
                samples = excluded.samples;
        GET DIAGNOSTICS n = ROW_COUNT;
        written := written + n;
    END IF;
    INSERT INTO monitoring_rollup_marks (resolution, done_until) VALUES ('5m', to_at)
        ON CONFLICT (resolution) DO UPDATE SET done_until = excluded.done_until;

    -- Hourly buckets from the 5-minute ones, weighted by their sample counts.
    to_at := date_trunc('hour', to_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    SELECT done_until INTO mark FROM monitoring_rollup_marks WHERE resolution = '1h';
    from_at := greatest(least(coalesce(mark, '-infinity'), to_at),
                        date_trunc('hour', (now_at - interval '30 days') AT TIME ZONE 'UTC') AT TIME ZONE 'UTC');
    IF from_at < to_at THEN
        PERFORM mpanel_monitoring_rollup_partition('monitoring_samples_1h', from_at);
        PERFORM mpanel_monitoring_rollup_partition('monitoring_samples_1h', to_at - interval '1 second');
        INSERT INTO monitoring_samples_1h AS r (tenant_id, node_id, metric, at, value, min_value, max_value, samples)
            SELECT tenant_id, node_id, metric, date_trunc('hour', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
                   sum(value * samples) / sum(samples), min(min_value), max(max_value), sum(samples)
            FROM monitoring_samples_5m WHERE at >= from_at AND at < to_at
            GROUP BY 1, 2, 3, 4
        ON CONFLICT (node_id, metric, at) DO UPDATE
            SET value = excluded.value, min_value = excluded.min_value, max_value = excluded.max_value,
                samples = excluded.samples;
        GET DIAGNOSTICS n = ROW_COUNT;
        written := written + n;
    END IF;
    INSERT INTO monitoring_rollup_marks (resolution, done_until) VALUES ('1h', to_at)
        ON CONFLICT (resolution) DO UPDATE SET done_until = excluded.done_until;

    -- Retention: whole partitions, 30 days of 5-minute buckets and a year of hourly ones.
    FOR part IN
        SELECT c.relname,
               CASE WHEN c.relname LIKE 'monitoring\_samples\_5m\_%'
                    THEN (to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC'
                    ELSE (to_date(right(c.relname, 6), 'YYYYMM') + interval '1 month')::timestamp AT TIME ZONE 'UTC'
               END AS ends,
               CASE WHEN c.relname LIKE 'monitoring\_samples\_5m\_%' THEN interval '30 days'
                    ELSE interval '365 days' END AS keep
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent IN ('monitoring_samples_5m'::regclass, 'monitoring_samples_1h'::regclass)
    LOOP
        IF part.ends <= now_at - part.keep THEN
            EXECUTE format('DROP TABLE %I', part.relname);
        END IF;
    END LOOP;
    RETURN written;
END $$;
REVOKE ALL ON FUNCTION mpanel_monitoring_rollup(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_monitoring_rollup(timestamptz) TO mpanel_app;

-- DNS answer checks: ask `target` (the server, host:port) for query_name/query_type; the answer
-- must hold expect_keyword when one is set.
ALTER TABLE monitoring_checks DROP CONSTRAINT monitoring_checks_kind_check;
ALTER TABLE monitoring_checks ADD CONSTRAINT monitoring_checks_kind_check
    CHECK (kind IN ('http', 'tcp', 'tls', 'dns'));
ALTER TABLE monitoring_checks
    ADD COLUMN query_name text CHECK (length(query_name) BETWEEN 1 AND 253),
    ADD COLUMN query_type text CHECK (query_type IN ('A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT')),
    ADD CONSTRAINT monitoring_checks_dns_query CHECK ((kind = 'dns') = (query_name IS NOT NULL));

-- A node whose fullest filesystem passes this share raises a disk alert.
ALTER TABLE monitoring_nodes
    ADD COLUMN disk_alert_percent integer NOT NULL DEFAULT 90 CHECK (disk_alert_percent BETWEEN 1 AND 100);

-- Alerts about something else than a check or a node being down carry what they are about in
-- subject_key (the node id of a full disk, the queryid of a slow statement, the failing job
-- kind), at most one open per tenant, kind and key.
ALTER TABLE monitoring_alerts DROP CONSTRAINT monitoring_alerts_kind_check;
ALTER TABLE monitoring_alerts ADD CONSTRAINT monitoring_alerts_kind_check
    CHECK (kind IN ('check_down', 'node_down', 'disk_full', 'slow_query', 'job_failing'));
ALTER TABLE monitoring_alerts ADD COLUMN subject_key text CHECK (length(subject_key) <= 200);
CREATE UNIQUE INDEX monitoring_alerts_open_key_idx ON monitoring_alerts (tenant_id, kind, subject_key)
    WHERE closed_at IS NULL AND subject_key IS NOT NULL;

-- The database's connections by state for the service's /metrics ("database pool use"). As the
-- schema owner, so the sessions of other logins (staff in the console, the job workers) count.
CREATE FUNCTION mpanel_monitoring_db_connections()
RETURNS TABLE (state text, connections bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce(a.state, 'unknown'), count(*) FROM pg_stat_activity a
    WHERE a.datname = current_database() AND a.backend_type = 'client backend'
    GROUP BY 1 ORDER BY 1
$$;
REVOKE ALL ON FUNCTION mpanel_monitoring_db_connections() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_monitoring_db_connections() TO mpanel_app, mpanel_staff;
