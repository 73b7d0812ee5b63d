#pragma once

#include "core/result.h"
#include "ssl/ssl_certificate.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::ssl {

struct CertificateRequest {
    QStringList names;
    QString challenge = QStringLiteral("http-01");
    QString customerId; // empty: the tenant's own
    // AutoSSL: the domain or CloudPod it is for; one certificate each (a second request for the
    // same one answers the first, with no job).
    QString sourceType, sourceId;
};

struct QueuedCertificate {
    SslCertificate certificate;
    qint64 jobId = 0;
};

// The certificates table as the API and the jobs see it; runs inside the caller's transaction,
// where row-level security keeps it to one tenant.
class SslCertificates {
public:
    static Result<QList<SslCertificate>> list(const QSqlDatabase &db, const QString &customerId = {});
    // `forUpdate`: locked, with the sealed keys (the jobs).
    static Result<SslCertificate> find(const QSqlDatabase &db, const QString &id, bool forUpdate = false);

    // Records the request and queues its issue job. Names are checked first (lower case, labels
    // of letters, digits and hyphens; a wildcard needs dns-01).
    static Result<QueuedCertificate> request(TenantTransaction &tx, const CertificateRequest &request,
                                             const QDateTime &now);
    // Renews now: a valid or failed certificate gets a new order (the old one stays in force
    // until the new one replaces it). A second request while one is under way joins it.
    static Result<QueuedCertificate> renew(TenantTransaction &tx, const SslCertificate &certificate,
                                           const QDateTime &now);
    static Result<QueuedCertificate> revoke(TenantTransaction &tx, const SslCertificate &certificate,
                                            const QDateTime &now);
    // The issue job of `id` (queued or running joins: one order at a time per certificate).
    static Result<qint64> queueIssue(const QSqlDatabase &db, const QString &tenantId, const QString &id,
                                     const QDateTime &runAt);

    // Lower-cased names, or an error naming `field`.
    static Result<QStringList> checkNames(const QStringList &names, const QString &challenge,
                                          const QString &field);
};

} // namespace mp::ssl
