#pragma once

#include "core/result.h"
#include "jobs/job_types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::cloudpods {

// What reconciliation reported (cloudpod.reconcile, pod_reconciler.cpp): a guest tagged by
// mPanel that no live pod owns ("orphan_guest"), or a live pod whose guest is gone
// ("guest_missing"). A finding is resolved by the first run that no longer sees it.
struct Finding {
    qint64 id = 0;
    QString clusterId, clusterName;
    QString kind;
    QString podId, podHostname; // empty: no pod (an orphan guest)
    QString node;               // empty: unknown (a missing guest)
    qint64 vmid = 0;            // 0: none
    QString detail;
    QDateTime firstSeenAt, lastSeenAt, resolvedAt; // resolvedAt null: open

    bool isOpen() const { return resolvedAt.isNull(); }
};

struct FindingFilter {
    bool includeResolved = false;
    qint64 beforeId = 0; // keyset: only findings with a smaller id (0: from the newest)
    int limit = 100;     // 1..500
};

struct FindingPage {
    QList<Finding> items;
    qint64 nextBeforeId = 0; // 0: no more
};

// The findings of the caller's tenant, newest first, a keyset page at a time (the console's
// Findings tab and GET /api/cloudpod-findings).
class CloudPodFindings {
public:
    static Result<FindingPage> list(TenantTransaction &tx, const FindingFilter &filter);
    static QJsonObject toJson(const Finding &finding);
    // Queues a reconciliation of the tenant's clusters now, on top of the quarter-hourly one, so
    // staff see at once whether what they fixed is resolved. Once: asked again while one is
    // queued it is that one, while one runs (and may have read the guests before the fix) that
    // one runs once more.
    static Result<EnqueuedJob> requestCheck(TenantTransaction &tx);
    // When a reconciliation of the tenant last ran to the end (scheduled or asked for); null
    // when none has: until then "no findings" says nothing about the guests.
    static Result<QDateTime> lastCheck(TenantTransaction &tx);
};

} // namespace mp::cloudpods
