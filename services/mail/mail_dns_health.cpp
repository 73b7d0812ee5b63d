#include "mail/mail_dns_health.h"

#include "api/responses.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "mail/mail_dig.h"
#include "mail/mail_dkim.h"
#include "mail/mail_dns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mp::mail {

namespace {

struct Expected {
    QString record, name, type, value;
    // Only answers starting with this are the record's (the apex TXT set holds others too).
    QString prefix;
};

QList<Expected> expectedOf(const MailDomain &d)
{
    QList<Expected> out{
        {QStringLiteral("MX"), d.name, QStringLiteral("MX"), MailDns::mxContent(d), {}},
        {QStringLiteral("SPF"), d.name, QStringLiteral("TXT"), MailDns::kSpf, QStringLiteral("v=spf1")},
    };
    if (!d.dkimSelector.isEmpty()) {
        QString owner = Dkim::ownerName(d.dkimSelector, d.name);
        owner.chop(1);
        out.append({QStringLiteral("DKIM"), owner, QStringLiteral("TXT"), Dkim::txtRecord(d.dkimPublicKey),
                    QStringLiteral("v=DKIM1")});
    }
    out.append({QStringLiteral("DMARC"), QStringLiteral("_dmarc.") + d.name, QStringLiteral("TXT"),
                MailDns::dmarcText(d), QStringLiteral("v=DMARC1")});
    return out;
}

QString fixFor(const Expected &e, const QStringList &found, const QString &server)
{
    const QString record = e.type + u' ' + e.name + QStringLiteral(" \"") + e.value + u'"';
    if (found.isEmpty())
        return QStringLiteral("%1 serves no %2 record: publish %3 (DNS hosted elsewhere: add it at that "
                              "provider)")
            .arg(server, e.record, record);
    if (found.size() > 1 && !e.prefix.isEmpty())
        return QStringLiteral("%1 serves %2 %3 records where there must be one: keep only %4")
            .arg(server)
            .arg(found.size())
            .arg(e.record, record);
    return QStringLiteral("%1 serves a different %2 record: replace it with %3")
        .arg(server, e.record, record);
}

struct Server {
    QString label, address;
};

Result<QList<Server>> serversOf(const QSqlDatabase &db)
{
    auto q =
        sql::exec(db, QStringLiteral("SELECT name, dns_address FROM dns_servers WHERE enabled AND "
                                     "dns_address IS NOT NULL AND dns_address <> '' ORDER BY role, name"));
    if (!q)
        return q.error();
    QList<Server> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString()});
    return out;
}

} // namespace

Result<QJsonObject> MailDnsHealth::check(TenantTransaction &tx, const MailDomain &domain,
                                         const QDateTime &now)
{
    auto servers = serversOf(tx.db());
    if (!servers)
        return servers.error();
    QJsonObject health{{QStringLiteral("checked_at"), api::timestamp(now)}};
    QJsonArray serverNames, records;
    bool allOk = !servers->isEmpty();
    for (const Server &s : std::as_const(*servers))
        serverNames.append(QStringLiteral("%1 (%2)").arg(s.label, s.address));
    if (servers->isEmpty())
        health.insert(QStringLiteral("problem"),
                      QStringLiteral("no DNS server with a dns_address to ask: register the tenant's "
                                     "authoritative servers (POST /api/dns/servers)"));
    for (const Expected &e : expectedOf(domain)) {
        QJsonObject found;
        QString fix;
        bool ok = !servers->isEmpty();
        for (const Server &s : std::as_const(*servers)) {
            auto answers = digAnswers(s.address, e.name, e.type);
            QStringList mine;
            if (!answers) {
                ok = false;
                if (fix.isEmpty())
                    fix = answers.error().message;
            } else {
                for (const QString &a : std::as_const(*answers)) {
                    if (e.prefix.isEmpty() || a.startsWith(e.prefix))
                        mine << a;
                }
                if (mine != QStringList{e.value}) {
                    ok = false;
                    if (fix.isEmpty())
                        fix = fixFor(e, mine, s.label);
                }
            }
            found.insert(s.label, QJsonArray::fromStringList(mine));
        }
        allOk = allOk && ok;
        records.append(QJsonObject{{QStringLiteral("record"), e.record},
                                   {QStringLiteral("name"), e.name},
                                   {QStringLiteral("type"), e.type},
                                   {QStringLiteral("expected"), e.value},
                                   {QStringLiteral("ok"), ok},
                                   {QStringLiteral("found"), found},
                                   {QStringLiteral("fix"), ok ? QJsonValue() : QJsonValue(fix)}});
    }
    health.insert(QStringLiteral("ok"), allOk);
    health.insert(QStringLiteral("servers"), serverNames);
    health.insert(QStringLiteral("records"), records);
    auto stored = sql::exec(
        tx.db(),
        QStringLiteral("UPDATE mail_domains SET dns_health = ?::jsonb, dns_checked_at = "
                       "?::timestamptz WHERE id = ?::uuid"),
        {QString::fromUtf8(QJsonDocument(health).toJson(QJsonDocument::Compact)), now.toUTC(), domain.id});
    if (!stored)
        return stored.error();
    return health;
}

} // namespace mp::mail
