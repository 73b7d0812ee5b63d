-- Change notifications for the console's Provisioning section, through 0008's statement-level
-- triggers: a pod's status, address or node changing reloads the pod table, and an allocation
-- taken or released (placement, termination) reloads node capacity. Both carry only the tenant id.
SELECT mpanel_notify_changes_of('cloud_pods', 'mpanel_changed_cloud_pods');
SELECT mpanel_notify_changes_of('node_allocations', 'mpanel_changed_node_allocations');
-- A node added or resized changes capacity just as an allocation does.
SELECT mpanel_notify_changes_of('proxmox_nodes', 'mpanel_changed_node_allocations');

-- The console's pod actions (retry, suspend, unsuspend, terminate) run CloudPods' service
-- functions in the signed-in staff member's own transaction, as billing's do: staff may write
-- exactly the columns those wishes set and queue the pod's job. Row-level security keeps it to
-- their tenant and the restrictive staff_update/staff_insert policies (0001) keep read-only
-- staff out. Reviving a failed provisioning job (retry) updates the job's state and logs a line.
GRANT UPDATE (status, suspend_requested, terminate_requested_at, updated_at) ON cloud_pods TO mpanel_staff;
GRANT INSERT ON jobs TO mpanel_staff;
GRANT UPDATE (status, run_at, locked_by, heartbeat_at, cancel_requested_at, finished_at, max_attempts)
    ON jobs TO mpanel_staff;
GRANT INSERT ON job_log TO mpanel_staff;
