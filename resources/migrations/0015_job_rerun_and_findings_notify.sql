-- A job asked for again while it runs runs once more when it finishes. A pod's power job reads
-- the pod's wish (suspended or not) when it starts; a wish changed while it runs used to fold
-- into the running job by its unique key and be lost when that job completed. Enqueueing with
-- "rerun if running" marks the pending job instead (Jobs::enqueue), a claim clears the mark
-- (the run that starts reads everything committed before it) and completion turns a marked job
-- back to queued with a fresh attempt budget (job_batch.cpp). One row per key stays the rule.
ALTER TABLE jobs ADD COLUMN rerun_requested_at timestamptz;
-- Staff request suspend / unsuspend from the console on their own connection (0012).
GRANT UPDATE (rerun_requested_at) ON jobs TO mpanel_staff;

-- The console's Findings tab (Provisioning) reloads when reconciliation records, refreshes or
-- resolves a finding, through 0008's per-tenant statement-level notifications.
SELECT mpanel_notify_changes_of('cloudpod_findings', 'mpanel_changed_cloudpod_findings');
