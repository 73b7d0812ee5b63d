-- Live job statuses for the console. The workers' channel "mpanel_jobs" (0002) fires on INSERT
-- only, to wake them; status changes must not wake every worker, so the console gets its own
-- channels, notified per tenant like 0008 (payload: the tenant id; one notification per tenant
-- per statement, folded per transaction). A batched claim or completion of many jobs is still one
-- statement, so it costs one notification per tenant it touched.
CREATE TRIGGER notify_insert AFTER INSERT ON jobs REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_notify_change('mpanel_changed_jobs');
CREATE TRIGGER notify_update AFTER UPDATE ON jobs REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_notify_change('mpanel_changed_jobs');
CREATE TRIGGER notify_delete AFTER DELETE ON jobs REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_notify_change('mpanel_changed_jobs');

-- Log lines (handlers write them live, committed as they go) on a channel of their own, so a
-- chatty handler refreshes the open log, not the job list.
CREATE TRIGGER notify_insert AFTER INSERT ON job_log REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_notify_change('mpanel_changed_job_log');

-- The console retries and cancels on the staff member's own connection through the same service
-- functions as POST /api/jobs/{id}/retry|cancel. Staff could only read jobs (0002); they may now
-- write exactly the columns those two transitions set, and append log lines. Row-level security
-- keeps it to their tenant, and the restrictive staff_update/staff_insert policies (0001) keep
-- read-only staff out.
GRANT UPDATE (status, run_at, locked_by, heartbeat_at, cancel_requested_at, finished_at, max_attempts)
    ON jobs TO mpanel_staff;
GRANT INSERT ON job_log TO mpanel_staff;
