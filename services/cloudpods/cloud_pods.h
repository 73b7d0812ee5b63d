#pragma once

#include "api/keyset_page.h"
#include "cloudpods/cloud_pod.h"
#include "core/result.h"
#include "jobs/job_types.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::cloudpods {

struct NewPod {
    QString customerId;
    QString templateId;
    QString hostname; // empty: generated from the pod's id
    QString subscriptionId;
    int unit = 1;          // which of the subscription's pods this is
    QString sshPublicKeys; // checked with SshPublicKeys, one per line
};

struct PodFilter {
    QString status, nodeName, customerId;
    int limit = 100;
};

struct PodPage {
    QList<CloudPod> items;
    QString nextCursor; // empty: no more pods
};

// What staff may ask of a pod in its state; the console offers only these.
struct PodActions {
    bool retry = false;
    bool suspend = false;
    bool unsuspend = false;
    bool terminate = false;
    bool resetPassword = false; // a running VM (guest agent); containers cannot
    bool reinstall = false;
};

// The pods and what changes them from outside the workers: creating one (row + provisioning
// job in the caller's transaction), the subscription's wishes (suspend, unsuspend, terminate:
// recorded on the row, carried out by jobs), and staff's retry.
class CloudPods {
public:
    // Idempotent per subscription and unit: a second call returns the existing pod with no new job.
    static Result<CloudPod> create(TenantTransaction &tx, const NewPod &pod, const QDateTime &now);
    static Result<CloudPod> find(const QSqlDatabase &db, const QString &id);
    static Result<QList<CloudPod>> list(TenantTransaction &tx, const PodFilter &filter);
    // Keyset pages for the console: "created_at" (default "-created_at"), "hostname", "status".
    static QList<api::SortOrder> sortOrders();
    static Result<PodPage> page(TenantTransaction &tx, const PodFilter &filter, const api::KeysetPage &page);
    static Result<QList<JobRecord>> jobs(TenantTransaction &tx, const QString &podId);
    static PodActions actionsFor(const CloudPod &pod);

    // The pods of a subscription by unit (empty: none yet).
    static Result<QList<CloudPod>> ofSubscription(TenantTransaction &tx, const QString &subscriptionId);
    // Suspend or unsuspend: records the wish and queues the power job.
    static Status requestPower(TenantTransaction &tx, const QString &podId, bool suspended,
                               const QDateTime &now);
    // Records the wish and queues the terminate job (stop, destroy with purge, release).
    static Status requestTerminate(TenantTransaction &tx, const QString &podId, const QDateTime &now);
    // A pod in error: queue its provisioning again (or revive the dead job).
    static Result<CloudPod> retry(TenantTransaction &tx, const QString &podId, const QString &actor,
                                  const QDateTime &now);

    // Queues `kind` for the pod, once per pod while one is waiting (unique key kind:pod).
    static Result<EnqueuedJob> enqueueFor(TenantTransaction &tx, const QString &kind, const QString &podId,
                                          int maxAttempts, bool rerunIfRunning = false);

    static QString generatedHostname(const QString &podId);
    static bool isValidHostname(const QString &hostname);
    static QJsonObject toJson(const CloudPod &pod);
};

} // namespace mp::cloudpods
