-- Staff logins make the side-effect writes the services make on their behalf (the rule of 0021,
-- for the tables 0017 and 0019 added): a console command that ends a CloudPod removes the pod's record sets, and
-- the DNS section's changes queue the same rows as PATCH /api/dns/zones/{name}/records.
-- Row-level security and the read-only staff policies still apply.
--
-- Closed on purpose, like the secrets 0021 lists: dns_servers (the API key, 0017's column
-- grants), notification_settings (the relay password, 0018) and cloudpod_pending_passwords (a
-- root password on its way to Proxmox, 0019): staff may see that one is set, never read it.
GRANT SELECT, INSERT, UPDATE, DELETE ON dns_zones, dns_rrsets, dns_changes TO mpanel_staff;

-- A paid order line hands its generated root password to each pod it makes (0019). Staff logins
-- cannot read the password column, yet marking a CloudPod invoice paid in the console runs that
-- hand-over as the staff login, and INSERT ... SELECT password needs the column. This function
-- makes the copy without letting the caller read it: it runs as the owner, and copies only
-- to a pod of the same tenant as the line's password, so no login reaches another tenant's rows
-- (a login can only make pods in its own tenant; RLS keeps the pod look-up honest for the caller,
-- and the tenant match keeps it honest inside).
CREATE FUNCTION mpanel_pass_line_password(p_pod uuid, p_item uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO cloudpod_pending_passwords (tenant_id, pod_id, purpose, password, created_at)
    SELECT pp.tenant_id, p_pod, 'create', pp.password, pp.created_at
    FROM cloudpod_pending_passwords pp JOIN cloud_pods cp ON cp.id = p_pod AND cp.tenant_id = pp.tenant_id
    WHERE pp.order_item_id = p_item
    ON CONFLICT DO NOTHING
$$;
REVOKE ALL ON FUNCTION mpanel_pass_line_password(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_pass_line_password(uuid, uuid) TO mpanel_app, mpanel_staff;
