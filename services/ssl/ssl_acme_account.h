#pragma once

#include "acme/acme_key.h"
#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>

namespace mp::ssl {

// The tenant's ACME account at one CA: its key (made and sealed on first use) and its URL
// once the CA has it, and the tenant's contact for the CA's mails (the reply-to, else the
// sender, of the tenant's notification settings).
struct SslAcmeAccount {
    AcmeKey key;
    QUrl accountUrl;
    QStringList contacts;

    // The job's transaction: a key made here commits with the job that used it.
    static Result<SslAcmeAccount> load(const QSqlDatabase &db, const QString &tenantId,
                                       const QUrl &directoryUrl, const QDateTime &now);
    static Status rememberUrl(const QSqlDatabase &db, const QUrl &directoryUrl, const QUrl &accountUrl);

    // Key rollover, in two committed steps: the next key (made and sealed once, then the same
    // on every retry), and the switch once the CA has it.
    static Result<AcmeKey> nextKey(const QSqlDatabase &db, const QUrl &directoryUrl);
    static Status adoptNextKey(const QSqlDatabase &db, const QUrl &directoryUrl, const QDateTime &now);
};

} // namespace mp::ssl
