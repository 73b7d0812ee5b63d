-- Staff logins may make every write the services make on their behalf.
--
-- The console runs the same service functions as the REST API, in one transaction on the staff
-- member's own login (models/staff_command.h), while the API runs them as mpanel_app. Until now
-- staff were granted writes table by table as each console action was added (0011, 0012, 0013,
-- 0015), so an action whose effects reach another module failed in the console only: marking a
-- CloudPod invoice paid activates its subscription, whose provisioner records the pod and
-- queues its job, and staff could not insert into cloud_pods (42501).
--
-- Here staff get what mpanel_app has on every table a service writes as the effect of a staff
-- action. Nothing else changes: row-level security (0001) still keeps each login to its own
-- tenant and the restrictive staff_insert/staff_update/staff_delete policies still keep
-- read-only staff from writing anything. What stays closed on purpose: the staff and token
-- tables (nobody grants themselves a role), customers' sign-in secrets and Proxmox token
-- secrets (column grants in 0003/0007), and the append-only logs (audit_log,
-- subscription_events, job_log: insert only). tests/tst_console_commands checks that no other
-- table is left with fewer staff privileges than mpanel_app has.
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY[
        'payments', 'invoice_checkout_sessions', 'payment_refunds', 'invoice_flags',
        'cloud_pods', 'proxmox_vmid_reservations', 'node_allocations', 'ip_addresses', 'cloudpod_findings',
        'jobs', 'document_counters']
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO mpanel_staff', tbl);
    END LOOP;
END $$;
