-- Whether a Proxmox cluster is the sandbox's emulator or a real Proxmox VE, so the API and the
-- console can say which one provisions a pod. Proxmox has no test mode of its own: anything real
-- is 'live'. 'sandbox' is only allowed for an API on this machine's loopback, where run-mpanel
-- starts mpanel-proxmox-emulator: a remote cluster cannot be labelled as the emulator.
ALTER TABLE proxmox_clusters ADD COLUMN mode text NOT NULL DEFAULT 'live' CHECK (mode IN ('live', 'sandbox'));
ALTER TABLE proxmox_clusters ADD CONSTRAINT proxmox_clusters_sandbox_on_loopback
    CHECK (mode <> 'sandbox' OR api_base ~* '^https://(127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|localhost|\[::1\])(:[0-9]{1,5})?/');
-- Databases made by scripts/run-mpanel before this migration hold the demo's emulator cluster:
-- it is the one on loopback with the sandbox's fixed token id, and it is the emulator.
UPDATE proxmox_clusters SET mode = 'sandbox'
    WHERE token_id = 'mpanel@pve!sandbox'
      AND api_base ~* '^https://(127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|localhost|\[::1\])(:[0-9]{1,5})?/';
COMMENT ON COLUMN proxmox_clusters.mode IS 'live: a real Proxmox VE; sandbox: mpanel-proxmox-emulator on loopback';
GRANT SELECT (mode) ON proxmox_clusters TO mpanel_staff;
-- A cluster added, renamed or switched between sandbox and live reloads the console's node
-- view (which shows each cluster's mode) and its provider indicator.
SELECT mpanel_notify_changes_of('proxmox_clusters', 'mpanel_changed_node_allocations');
