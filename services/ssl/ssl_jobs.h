#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace mp {
class JobContext;
}

namespace mp::ssl {

// ssl.issue: brings a certificate's issuance one step on, each step committed before the next
// run: the first run places the order and records its URL and the new key (and nothing else, so
// no later failure rolls that record back); the next publishes the HTTP-01 answers; the last asks
// the CA to validate, finalizes, downloads and records the certificate, then schedules its
// renewal and its expiry warning. A retried run resumes the recorded order and never places a
// second one (only a worker that dies between the CA's answer to newOrder and the commit can).
Status issueCertificate(JobContext &ctx);
// ssl.renew (scheduled at renew_at): starts a renewal of the certificate it was scheduled for.
Status renewCertificate(JobContext &ctx);
// ssl.revoke: revokes the certificate at the CA and records it.
Status revokeCertificate(JobContext &ctx);
// ssl.install (queued when a certificate is issued or renewed, with an install target set):
// puts the certificate as issued then on the target (SslInstallTarget) and records it served;
// nothing once another replaced it. The last failed attempt is recorded as install_error.
Status installCertificate(JobContext &ctx);
// ssl.roll_account_key: the tenant's ACME account at the configured CA gets a new key (RFC 8555
// keyChange). The first run commits the next key; the next asks the CA and adopts it. A run whose
// answer was lost finds the account under the next key and adopts it all the same.
Status rollAccountKey(JobContext &ctx);
// Queues ssl.roll_account_key for the tenant (one at a time).
Result<qint64> queueKeyRollover(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now);
// ssl.expiry_warning (scheduled 7 days before expiry): announces CertificateExpiring unless the
// certificate was renewed or revoked meanwhile.
Status warnOfExpiry(JobContext &ctx);

} // namespace mp::ssl
