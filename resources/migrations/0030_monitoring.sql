-- Monitoring: the nodes whose node_exporter the poll job scrapes, the checks staff define, the
-- status each check is in, the alerts they raised, the node samples (a table partitioned by day
-- so retention drops whole partitions), and the snapshots of pg_stat_statements the slow-query
-- report diffs.

CREATE TABLE monitoring_nodes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- node_exporter's metrics page, e.g. http://10.0.0.5:9100/metrics
    exporter_url text NOT NULL CHECK (exporter_url ~ '^https?://' AND length(exporter_url) <= 500),
    interval_s integer NOT NULL DEFAULT 30 CHECK (interval_s BETWEEN 10 AND 3600),
    enabled boolean NOT NULL DEFAULT true,
    -- unknown until the first scrape; down when the exporter did not answer.
    status text NOT NULL DEFAULT 'unknown' CHECK (status IN ('unknown', 'up', 'down')),
    last_error text,
    last_scrape_at timestamptz,
    next_poll_at timestamptz NOT NULL DEFAULT '-infinity',
    -- The counters of the last scrape (CPU seconds by mode, network bytes): rates need two.
    last_counters jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);
SELECT mpanel_isolate_tenant_table('monitoring_nodes');
SELECT mpanel_notify_changes_of('monitoring_nodes', 'mpanel_changed_monitoring');

CREATE TABLE monitoring_checks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- http: GET target (a URL), expect_status and expect_keyword; tcp: connect to target
    -- (host:port); tls: handshake with target (host:port), degraded when the certificate
    -- expires within tls_warn_days, down when it has expired.
    kind text NOT NULL CHECK (kind IN ('http', 'tcp', 'tls')),
    target text NOT NULL CHECK (length(target) BETWEEN 1 AND 500),
    expect_status integer CHECK (expect_status BETWEEN 100 AND 599),
    expect_keyword text CHECK (length(expect_keyword) BETWEEN 1 AND 200),
    timeout_ms integer NOT NULL DEFAULT 5000 CHECK (timeout_ms BETWEEN 100 AND 60000),
    interval_s integer NOT NULL DEFAULT 60 CHECK (interval_s BETWEEN 10 AND 86400),
    -- While a check is down it is probed this often (usually more often, to see recovery soon).
    down_interval_s integer NOT NULL DEFAULT 15 CHECK (down_interval_s BETWEEN 10 AND 86400),
    -- Slower than this (but answering right) is degraded.
    degraded_ms integer NOT NULL DEFAULT 2000 CHECK (degraded_ms BETWEEN 1 AND 60000),
    tls_warn_days integer NOT NULL DEFAULT 14 CHECK (tls_warn_days BETWEEN 0 AND 365),
    -- Flap damping: this many failed probes in a row before the check is down, this many good
    -- ones before it is up again.
    fail_threshold integer NOT NULL DEFAULT 2 CHECK (fail_threshold BETWEEN 1 AND 20),
    recover_threshold integer NOT NULL DEFAULT 2 CHECK (recover_threshold BETWEEN 1 AND 20),
    -- The node the service runs on: while that node is down, the check raises no alert.
    node_id uuid REFERENCES monitoring_nodes (id) ON DELETE SET NULL,
    customer_id uuid REFERENCES customers (id),
    enabled boolean NOT NULL DEFAULT true,
    next_run_at timestamptz NOT NULL DEFAULT '-infinity',
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);
SELECT mpanel_isolate_tenant_table('monitoring_checks');
SELECT mpanel_notify_changes_of('monitoring_checks', 'mpanel_changed_monitoring');

-- One row per check: where it stands after damping (status) and what the last probe saw.
CREATE TABLE monitoring_service_status (
    check_id uuid PRIMARY KEY REFERENCES monitoring_checks (id) ON DELETE CASCADE,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    status text NOT NULL CHECK (status IN ('unknown', 'up', 'down', 'degraded')),
    last_result text NOT NULL CHECK (last_result IN ('up', 'down', 'degraded')),
    latency_ms integer,
    message text NOT NULL DEFAULT '',
    consecutive_failures integer NOT NULL DEFAULT 0,
    consecutive_successes integer NOT NULL DEFAULT 0,
    checked_at timestamptz NOT NULL,
    changed_at timestamptz NOT NULL
);
SELECT mpanel_isolate_tenant_table('monitoring_service_status');
SELECT mpanel_notify_changes_of('monitoring_service_status', 'mpanel_changed_monitoring');

-- Alert history: opened when a check goes down (after damping), closed when it recovers.
CREATE TABLE monitoring_alerts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    check_id uuid REFERENCES monitoring_checks (id) ON DELETE SET NULL,
    node_id uuid REFERENCES monitoring_nodes (id) ON DELETE SET NULL,
    customer_id uuid REFERENCES customers (id),
    kind text NOT NULL CHECK (kind IN ('check_down', 'node_down')),
    subject text NOT NULL,
    message text NOT NULL DEFAULT '',
    -- Opened while the check flipped too often: staff were not mailed about it.
    flapping boolean NOT NULL DEFAULT false,
    opened_at timestamptz NOT NULL,
    closed_at timestamptz
);
SELECT mpanel_isolate_tenant_table('monitoring_alerts', false);
-- At most one open alert per check and per node.
CREATE UNIQUE INDEX monitoring_alerts_open_check_idx ON monitoring_alerts (check_id) WHERE closed_at IS NULL;
CREATE UNIQUE INDEX monitoring_alerts_open_node_idx ON monitoring_alerts (node_id)
    WHERE closed_at IS NULL AND kind = 'node_down';
CREATE INDEX monitoring_alerts_list_idx ON monitoring_alerts (tenant_id, opened_at DESC);
SELECT mpanel_notify_changes_of('monitoring_alerts', 'mpanel_changed_monitoring');

-- Node samples, one row per node, metric and scrape, partitioned by day. Partitions are made
-- ahead by mpanel_monitoring_prepare_partitions and dropped whole by
-- mpanel_monitoring_drop_partitions once they are older than the retention.
CREATE TABLE monitoring_samples (
    tenant_id uuid NOT NULL,
    node_id uuid NOT NULL,
    metric text NOT NULL,
    at timestamptz NOT NULL,
    value double precision NOT NULL
) PARTITION BY RANGE (at);
SELECT mpanel_isolate_tenant_table('monitoring_samples', false);
CREATE INDEX monitoring_samples_series_idx ON monitoring_samples (node_id, metric, at);

-- The partitions are made and dropped by these functions, as the schema owner (the job's
-- tenant role may not run DDL). A transaction-scoped advisory lock keeps two tenants' jobs from
-- making the same partition at once.
CREATE FUNCTION mpanel_monitoring_prepare_partitions(around timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    made integer := 0;
    day date;
    name text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('mpanel_monitoring_partitions'));
    FOR i IN 0..1 LOOP
        day := (around AT TIME ZONE 'UTC')::date + i;
        name := 'monitoring_samples_' || to_char(day, 'YYYYMMDD');
        IF to_regclass(name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF monitoring_samples FOR VALUES FROM (%L) TO (%L)', name,
                           (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
            made := made + 1;
        END IF;
    END LOOP;
    RETURN made;
END $$;

-- Drops every partition that ends at or before `older_than`; returns how many it dropped.
CREATE FUNCTION mpanel_monitoring_drop_partitions(older_than timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    dropped integer := 0;
    part record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('mpanel_monitoring_partitions'));
    FOR part IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'monitoring_samples'::regclass AND c.relname ~ '^monitoring_samples_[0-9]{8}$'
          AND ((to_date(substring(c.relname FROM '[0-9]{8}$'), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC')
              <= older_than
    LOOP
        EXECUTE format('DROP TABLE %I', part.relname);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END $$;
REVOKE ALL ON FUNCTION mpanel_monitoring_prepare_partitions(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION mpanel_monitoring_drop_partitions(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_monitoring_prepare_partitions(timestamptz) TO mpanel_app;
GRANT EXECUTE ON FUNCTION mpanel_monitoring_drop_partitions(timestamptz) TO mpanel_app;

-- pg_stat_statements, where the server loads it (the embedded cluster does). Statements are the
-- whole cluster's, not a tenant's: the snapshots and the slow-query list are global tables
-- written only through the functions below.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements')
       AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
    END IF;
END $$;

CREATE TABLE monitoring_statement_snapshots (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taken_at timestamptz NOT NULL
);
COMMENT ON TABLE monitoring_statement_snapshots IS 'mpanel:global pg_stat_statements snapshots of the whole cluster';
CREATE INDEX monitoring_statement_snapshots_at_idx ON monitoring_statement_snapshots (taken_at);

CREATE TABLE monitoring_statement_counters (
    snapshot_id bigint NOT NULL REFERENCES monitoring_statement_snapshots (id) ON DELETE CASCADE,
    queryid bigint NOT NULL,
    query text NOT NULL,
    calls bigint NOT NULL,
    total_exec_ms double precision NOT NULL,
    max_exec_ms double precision NOT NULL,
    PRIMARY KEY (snapshot_id, queryid)
);
COMMENT ON TABLE monitoring_statement_counters IS 'mpanel:global the counters of each snapshot, summed by queryid';

CREATE TABLE monitoring_slow_queries (
    queryid bigint PRIMARY KEY,
    query text NOT NULL,
    calls bigint NOT NULL,
    mean_ms double precision NOT NULL,
    max_ms double precision NOT NULL,
    first_seen timestamptz NOT NULL,
    last_seen timestamptz NOT NULL
);
COMMENT ON TABLE monitoring_slow_queries IS 'mpanel:global statements whose mean time in a window passed the threshold';
GRANT SELECT ON monitoring_statement_snapshots, monitoring_statement_counters, monitoring_slow_queries
    TO mpanel_app, mpanel_staff;

-- Takes a snapshot unless one is younger than `min_gap`, then records the statements whose mean
-- time since the previous snapshot is at least `threshold_ms`, and forgets snapshots older
-- than `keep`. Returns the new snapshot's id, or NULL when it took none (too soon, or
-- pg_stat_statements is not loaded). The statistics are never reset.
CREATE FUNCTION mpanel_monitoring_snapshot_statements(now_at timestamptz, min_gap interval,
                                                      threshold_ms double precision, keep interval)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    previous bigint;
    snap bigint;
BEGIN
    IF to_regclass('pg_stat_statements') IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('mpanel_monitoring_statements'));
    SELECT id INTO previous FROM monitoring_statement_snapshots ORDER BY taken_at DESC, id DESC LIMIT 1;
    IF previous IS NOT NULL
       AND (SELECT taken_at FROM monitoring_statement_snapshots WHERE id = previous) > now_at - min_gap THEN
        RETURN NULL;
    END IF;
    INSERT INTO monitoring_statement_snapshots (taken_at) VALUES (now_at) RETURNING id INTO snap;
    INSERT INTO monitoring_statement_counters (snapshot_id, queryid, query, calls, total_exec_ms, max_exec_ms)
        SELECT snap, s.queryid, min(s.query), sum(s.calls), sum(s.total_exec_time), max(s.max_exec_time)
        FROM pg_stat_statements s
        WHERE s.queryid IS NOT NULL AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        GROUP BY s.queryid;
    IF previous IS NOT NULL THEN
        INSERT INTO monitoring_slow_queries AS q (queryid, query, calls, mean_ms, max_ms, first_seen, last_seen)
            SELECT n.queryid, n.query, n.calls - coalesce(o.calls, 0),
                   (n.total_exec_ms - coalesce(o.total_exec_ms, 0)) / (n.calls - coalesce(o.calls, 0)),
                   n.max_exec_ms, now_at, now_at
            FROM monitoring_statement_counters n
            LEFT JOIN monitoring_statement_counters o ON o.snapshot_id = previous AND o.queryid = n.queryid
            WHERE n.snapshot_id = snap AND n.calls > coalesce(o.calls, 0)
              AND (n.total_exec_ms - coalesce(o.total_exec_ms, 0)) / (n.calls - coalesce(o.calls, 0)) >= threshold_ms
        ON CONFLICT (queryid) DO UPDATE
            SET query = excluded.query, calls = q.calls + excluded.calls,
                mean_ms = excluded.mean_ms, max_ms = greatest(q.max_ms, excluded.max_ms), last_seen = excluded.last_seen;
    END IF;
    DELETE FROM monitoring_statement_snapshots WHERE taken_at < now_at - keep;
    RETURN snap;
END $$;
REVOKE ALL ON FUNCTION mpanel_monitoring_snapshot_statements(timestamptz, interval, double precision, interval)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_monitoring_snapshot_statements(timestamptz, interval, double precision, interval)
    TO mpanel_app;

-- The tenant's Stripe webhook events by type and outcome, for the service's /metrics. The
-- events table is the service login's only (0005); this reads the calling tenant's rows alone.
CREATE FUNCTION mpanel_monitoring_webhook_counts()
RETURNS TABLE (type text, result text, events bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT e.type, coalesce(e.result, 'pending'), count(*) FROM stripe_events e
    WHERE e.tenant_id = coalesce(mpanel_setting_tenant(), mpanel_staff_tenant())
    GROUP BY 1, 2 ORDER BY 1, 2
$$;
REVOKE ALL ON FUNCTION mpanel_monitoring_webhook_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_monitoring_webhook_counts() TO mpanel_app, mpanel_staff;
