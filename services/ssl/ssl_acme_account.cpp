#include "ssl/ssl_acme_account.h"

#include "db/sql.h"
#include "ssl/ssl_key_vault.h"

#include <QSqlQuery>

namespace mp::ssl {

Result<SslAcmeAccount> SslAcmeAccount::load(const QSqlDatabase &db, const QString &tenantId,
                                            const QUrl &directoryUrl, const QDateTime &now)
{
    const QString directory = directoryUrl.toString(QUrl::FullyEncoded);
    SslAcmeAccount account;
    auto contact =
        sql::exec(db, QStringLiteral("SELECT COALESCE(reply_to, from_address) FROM notification_settings"));
    if (!contact)
        return contact.error();
    if (contact->next() && !contact->value(0).toString().isEmpty())
        account.contacts << contact->value(0).toString();

    auto q = sql::exec(db,
                       QStringLiteral("SELECT account_key_sealed, account_url FROM ssl_acme_accounts "
                                      "WHERE directory_url = ? FOR UPDATE"),
                       {directory});
    if (!q)
        return q.error();
    if (q->next()) {
        auto pem = SslKeyVault::open(q->value(0).toString());
        if (!pem)
            return pem.error();
        auto key = AcmeKey::fromPem(*pem);
        if (!key)
            return key.error();
        account.key = *key;
        account.accountUrl = QUrl(q->value(1).toString());
        return account;
    }
    auto key = AcmeKey::generate();
    if (!key)
        return key.error();
    auto sealed = SslKeyVault::seal(key->toPem());
    if (!sealed)
        return sealed.error();
    // Two jobs of one tenant may both get here: the second keeps the first one's key.
    auto insert = sql::exec(db,
                            QStringLiteral("INSERT INTO ssl_acme_accounts (tenant_id, directory_url, "
                                           "account_key_sealed, created_at) VALUES (?::uuid, ?, ?, ?) "
                                           "ON CONFLICT DO NOTHING RETURNING 1"),
                            {tenantId, directory, *sealed, now});
    if (!insert)
        return insert.error();
    if (!insert->next())
        return load(db, tenantId, directoryUrl, now);
    account.key = *key;
    return account;
}

Status SslAcmeAccount::rememberUrl(const QSqlDatabase &db, const QUrl &directoryUrl, const QUrl &accountUrl)
{
    auto q = sql::exec(db,
                       QStringLiteral("UPDATE ssl_acme_accounts SET account_url = ? WHERE directory_url = ? "
                                      "AND account_url IS DISTINCT FROM ?"),
                       {accountUrl.toString(QUrl::FullyEncoded), directoryUrl.toString(QUrl::FullyEncoded),
                        accountUrl.toString(QUrl::FullyEncoded)});
    if (!q)
        return q.error();
    return {};
}

Result<AcmeKey> SslAcmeAccount::nextKey(const QSqlDatabase &db, const QUrl &directoryUrl)
{
    const QString directory = directoryUrl.toString(QUrl::FullyEncoded);
    auto q =
        sql::exec(db, QStringLiteral("SELECT next_key_sealed FROM ssl_acme_accounts WHERE directory_url = ?"),
                  {directory});
    if (!q)
        return q.error();
    if (q->next() && !q->value(0).isNull()) {
        auto pem = SslKeyVault::open(q->value(0).toString());
        if (!pem)
            return pem.error();
        return AcmeKey::fromPem(*pem);
    }
    auto key = AcmeKey::generate();
    if (!key)
        return key.error();
    auto sealed = SslKeyVault::seal(key->toPem());
    if (!sealed)
        return sealed.error();
    auto u = sql::exec(
        db, QStringLiteral("UPDATE ssl_acme_accounts SET next_key_sealed = ? WHERE directory_url = ?"),
        {*sealed, directory});
    if (!u)
        return u.error();
    return key;
}

Status SslAcmeAccount::adoptNextKey(const QSqlDatabase &db, const QUrl &directoryUrl, const QDateTime &now)
{
    auto q = sql::exec(db,
                       QStringLiteral("UPDATE ssl_acme_accounts SET account_key_sealed = next_key_sealed, "
                                      "next_key_sealed = NULL, key_rolled_at = ? WHERE directory_url = ? AND "
                                      "next_key_sealed IS NOT NULL"),
                       {now, directoryUrl.toString(QUrl::FullyEncoded)});
    return q ? Status() : Status(q.error());
}

} // namespace mp::ssl
