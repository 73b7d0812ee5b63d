-- Change notifications for the console's Provisioning section, through 0008's statement-level
-- triggers: a pod's status, address or node changing reloads the pod table, and an allocation
-- taken or released (placement, termination) reloads node capacity. Both carry only the tenant id.
SELECT mpanel_notify_changes_of('cloud_pods', 'mpanel_changed_cloud_pods');
SELECT mpanel_notify_changes_of('node_allocations', 'mpanel_changed_node_allocations');
-- A node added or resized changes capacity just as an allocation does.
SELECT mpanel_notify_changes_of('proxmox_nodes', 'mpanel_changed_node_allocations');
