#pragma once

#include "api/request_body.h"
#include "core/result.h"
#include "proxmox/proxmox_settings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::cloudpods {

// The Proxmox clusters staff connect, their nodes (with capacity and what pods commit on them)
// and the IP pools pods take addresses from. The token secret is write-only: it goes in with
// create/update and comes out only as ProxmoxSettings for the calls.
class ProxmoxClusters {
public:
    static Result<QList<QJsonObject>> list(TenantTransaction &tx);
    static Result<QJsonObject> create(TenantTransaction &tx, const QJsonObject &body, const QDateTime &now);
    static Result<QJsonObject> update(TenantTransaction &tx, const QString &id, const QJsonObject &body,
                                      const QDateTime &now);
    static Result<QJsonObject> find(TenantTransaction &tx, const QString &id);
    // The settings for calling the cluster, secret included; `db` is tenant-scoped.
    static Result<ProxmoxSettings> settings(const QSqlDatabase &db, const QString &clusterId);
    // Every enabled cluster id of the tenant.
    static Result<QStringList> enabledIds(const QSqlDatabase &db);

    // Nodes with capacity and committed cores/RAM/disk.
    static Result<QList<QJsonObject>> nodes(TenantTransaction &tx, const QString &clusterId = {});
    static Result<QJsonObject> addNode(TenantTransaction &tx, const QString &clusterId,
                                       const QJsonObject &body, const QDateTime &now);

    static Result<QList<QJsonObject>> pools(TenantTransaction &tx);
    // Creates the pool and one row per address of its range (minus the gateway).
    static Result<QJsonObject> addPool(TenantTransaction &tx, const QJsonObject &body, const QDateTime &now);

    // The bodies create/update, addNode and addPool decode (POST and PATCH
    // /api/proxmox/clusters, POST .../nodes, POST /api/ip-pools). A new cluster also needs name,
    // api_base, token_id and token_secret ("missing_field"); an update keeps what it omits.
    static const api::RequestBody &clusterBody();
    static const api::RequestBody &nodeBody();
    static const api::RequestBody &poolBody();

    // Timeouts for the provisioning calls: MPANEL_PROXMOX_TIMEOUT_MS, MPANEL_PROXMOX_TASK_POLL_MS,
    // MPANEL_PROXMOX_TASK_TIMEOUT_MS (tests shorten them).
    static void applyTimings(ProxmoxSettings &settings);
};

} // namespace mp::cloudpods
