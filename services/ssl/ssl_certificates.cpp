#include "ssl/ssl_certificates.h"

#include "api/responses.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/jobs.h"
#include "ssl/ssl_errors.h"
#include "ssl/ssl_order_pacing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

namespace mp::ssl {

namespace {

// Staff logins may read every column but the sealed keys (migration 0028): only the jobs ask for those.
const QString kColumns = QStringLiteral(
    "SELECT id, customer_id, array_to_json(names)::text, challenge, status, directory_url, order_url, "
    "orders_placed, certificate_pem, serial, issuer, ari_id, not_before, not_after, renew_at, revoked_at, "
    "created_at, updated_at, renewal_source, last_error, dns_published_order, order_slot_at, "
    "installed_serial, "
    "installed_at, install_error, source_type, source_id");
const QString kSelect = kColumns + QStringLiteral(" FROM ssl_certificates ");
const QString kSelectWithKeys =
    kColumns + QStringLiteral(", pending_key_sealed, private_key_sealed FROM ssl_certificates ");

SslCertificate fromRow(const QSqlQuery &q)
{
    SslCertificate c;
    c.id = q.value(0).toString();
    c.customerId = q.value(1).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
        c.names << v.toString();
    c.challenge = q.value(3).toString();
    c.status = q.value(4).toString();
    c.directoryUrl = q.value(5).toString();
    c.orderUrl = q.value(6).toString();
    c.ordersPlaced = q.value(7).toInt();
    c.certificatePem = q.value(8).toString();
    c.serial = q.value(9).toString();
    c.issuer = q.value(10).toString();
    c.ariId = q.value(11).toString();
    c.notBefore = q.value(12).toDateTime();
    c.notAfter = q.value(13).toDateTime();
    c.renewAt = q.value(14).toDateTime();
    c.revokedAt = q.value(15).toDateTime();
    c.createdAt = q.value(16).toDateTime();
    c.updatedAt = q.value(17).toDateTime();
    c.renewalSource = q.value(18).toString();
    c.lastError = q.value(19).toString();
    c.dnsPublishedOrder = q.value(20).toString();
    c.orderSlotAt = q.value(21).toDateTime();
    c.installedSerial = q.value(22).toString();
    c.installedAt = q.value(23).toDateTime();
    c.installError = q.value(24).toString();
    c.sourceType = q.value(25).toString();
    c.sourceId = q.value(26).toString();
    if (q.record().count() > 27) {
        c.pendingKeySealed = q.value(27).toString();
        c.privateKeySealed = q.value(28).toString();
    }
    return c;
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString namesArray(const QStringList &names)
{
    QStringList quoted;
    for (const QString &n : names)
        quoted << u'"' + n + u'"'; // checked names: no quotes or backslashes inside
    return u'{' + quoted.join(u',') + u'}';
}

} // namespace

QJsonObject SslCertificate::toJson(bool detail) const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("customer_id"), textOrNull(customerId)},
                  {QStringLiteral("names"), QJsonArray::fromStringList(names)},
                  {QStringLiteral("challenge"), challenge},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("issuer"), textOrNull(issuer)},
                  {QStringLiteral("serial"), textOrNull(serial)},
                  {QStringLiteral("not_before"), api::timestamp(notBefore)},
                  {QStringLiteral("not_after"), api::timestamp(notAfter)},
                  {QStringLiteral("renew_at"), api::timestamp(renewAt)},
                  {QStringLiteral("renewal_source"), textOrNull(renewalSource)},
                  {QStringLiteral("last_error"), textOrNull(lastError)},
                  {QStringLiteral("revoked_at"), api::timestamp(revokedAt)},
                  {QStringLiteral("orders_placed"), ordersPlaced},
                  {QStringLiteral("next_order_at"), api::timestamp(orderSlotAt)},
                  {QStringLiteral("installed_serial"), textOrNull(installedSerial)},
                  {QStringLiteral("installed_at"), api::timestamp(installedAt)},
                  {QStringLiteral("install_error"), textOrNull(installError)},
                  {QStringLiteral("source_type"), textOrNull(sourceType)},
                  {QStringLiteral("source_id"), textOrNull(sourceId)},
                  {QStringLiteral("created_at"), api::timestamp(createdAt)},
                  {QStringLiteral("updated_at"), api::timestamp(updatedAt)}};
    if (detail) {
        o.insert(QStringLiteral("certificate_pem"), textOrNull(certificatePem));
        o.insert(QStringLiteral("order_url"), textOrNull(orderUrl));
        o.insert(QStringLiteral("ari_id"), textOrNull(ariId));
    }
    return o;
}

Result<QStringList> SslCertificates::checkNames(const QStringList &names, const QString &challenge,
                                                const QString &field)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    if (names.isEmpty())
        return makeError(errors::Required, QStringLiteral("at least one name"), field);
    if (names.size() > 100)
        return makeError(errors::InvalidValue, QStringLiteral("at most 100 names in one certificate"), field);
    QStringList out;
    for (int i = 0; i < names.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
        QString name = names.at(i).trimmed().toLower();
        if (name.endsWith(u'.'))
            name.chop(1);
        QString base = name;
        if (name.startsWith(QLatin1String("*."))) {
            if (challenge != QLatin1String("dns-01"))
                return makeError(errors::SslWildcardNeedsDns01,
                                 QStringLiteral("a wildcard name is only validated with dns-01"), where);
            base = name.mid(2);
        }
        const QStringList labels = base.split(u'.');
        bool ok = labels.size() >= 2 && base.size() <= 253;
        for (const QString &l : labels)
            ok = ok && label.match(l).hasMatch();
        if (!ok)
            return makeError(
                errors::SslInvalidName,
                QStringLiteral("'%1' is not a DNS name a certificate can carry").arg(names.at(i)), where);
        if (out.contains(name))
            return makeError(errors::SslInvalidName, QStringLiteral("'%1' is named twice").arg(name), where);
        out << name;
    }
    return out;
}

Result<QList<SslCertificate>> SslCertificates::list(const QSqlDatabase &db, const QString &customerId)
{
    const QString where = customerId.isEmpty() ? QString() : QStringLiteral("WHERE customer_id = ?::uuid ");
    auto q = sql::exec(db, kSelect + where + QStringLiteral("ORDER BY created_at DESC, id LIMIT 1000"),
                       customerId.isEmpty() ? QVariantList{} : QVariantList{customerId});
    if (!q)
        return q.error();
    QList<SslCertificate> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<SslCertificate> SslCertificates::find(const QSqlDatabase &db, const QString &id, bool forUpdate)
{
    auto q = sql::exec(db,
                       forUpdate ? kSelectWithKeys + QStringLiteral("WHERE id = ?::uuid FOR UPDATE")
                                 : kSelect + QStringLiteral("WHERE id = ?::uuid"),
                       {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such certificate"), QStringLiteral("id"));
    return fromRow(*q);
}

Result<qint64> SslCertificates::queueIssue(const QSqlDatabase &db, const QString &tenantId, const QString &id,
                                           const QDateTime &runAt)
{
    JobSpec spec;
    spec.tenantId = tenantId;
    spec.kind = kinds::issue;
    spec.payload = {{QStringLiteral("certificate_id"), id}};
    spec.runAt = runAt;
    spec.maxAttempts = 10;
    // One issuance at a time per certificate: a request while one runs makes it run once more.
    spec.uniqueKey = kinds::issue + u':' + id;
    spec.rerunIfRunning = true;
    spec.relatedType = kCertificateRelatedType;
    spec.relatedId = id;
    auto job = Jobs::enqueue(db, spec);
    if (!job)
        return job.error();
    return job->id;
}

Result<QueuedCertificate> SslCertificates::request(TenantTransaction &tx, const CertificateRequest &request,
                                                   const QDateTime &now)
{
    auto names = checkNames(request.names, request.challenge, QStringLiteral("names"));
    if (!names)
        return names.error();
    const auto orNull = [](const QString &s) {
        return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
    };
    auto q = sql::exec(
        tx.db(),
        QStringLiteral(
            "INSERT INTO ssl_certificates (tenant_id, customer_id, names, challenge, source_type, "
            "source_id, created_at, updated_at) VALUES (?::uuid, ?::uuid, ?::text[], ?, ?, ?, ?, ?) "
            "ON CONFLICT (tenant_id, source_type, source_id) WHERE source_type IS NOT NULL AND "
            "status <> 'revoked' DO NOTHING RETURNING id"),
        {tx.tenantId(), orNull(request.customerId), namesArray(*names), request.challenge,
         orNull(request.sourceType), orNull(request.sourceId), now, now});
    if (!q)
        return q.error();
    if (!q->next()) {
        if (request.sourceType.isEmpty())
            return makeError(errors::DatabaseError, QStringLiteral("the certificate was not recorded"));
        auto existing = sql::exec(tx.db(),
                                  QStringLiteral("SELECT id FROM ssl_certificates WHERE source_type = ? AND "
                                                 "source_id = ? AND status <> 'revoked'"),
                                  {request.sourceType, request.sourceId});
        if (!existing)
            return existing.error();
        if (!existing->next())
            return makeError(errors::DatabaseError, QStringLiteral("the certificate was not recorded"));
        auto cert = find(tx.db(), existing->value(0).toString());
        if (!cert)
            return cert.error();
        return QueuedCertificate{*cert, 0};
    }
    const QString id = q->value(0).toString();
    auto slot = SslOrderPacing::reserve(tx.db(), tx.tenantId(), id, now);
    if (!slot)
        return slot.error();
    auto job = queueIssue(tx.db(), tx.tenantId(), id, *slot);
    if (!job)
        return job.error();
    auto cert = find(tx.db(), id);
    if (!cert)
        return cert.error();
    return QueuedCertificate{*cert, *job};
}

Result<QueuedCertificate> SslCertificates::renew(TenantTransaction &tx, const SslCertificate &certificate,
                                                 const QDateTime &now)
{
    if (certificate.status == QLatin1String("revoked"))
        return makeError(errors::SslCertificateRevoked,
                         QStringLiteral("a revoked certificate is not renewed"));
    QDateTime runAt = now;
    if (certificate.status == QLatin1String("valid") || certificate.status == QLatin1String("failed")) {
        auto slot = SslOrderPacing::reserve(tx.db(), tx.tenantId(), certificate.id, now);
        if (!slot)
            return slot.error();
        runAt = *slot;
        const QString next =
            certificate.certificatePem.isEmpty() ? QStringLiteral("pending") : QStringLiteral("renewing");
        auto q = sql::exec(
            tx.db(),
            QStringLiteral("UPDATE ssl_certificates SET status = ?, updated_at = ? WHERE id = ?::uuid"),
            {next, now, certificate.id});
        if (!q)
            return q.error();
    }
    auto job = queueIssue(tx.db(), tx.tenantId(), certificate.id, runAt);
    if (!job)
        return job.error();
    auto cert = find(tx.db(), certificate.id);
    if (!cert)
        return cert.error();
    return QueuedCertificate{*cert, *job};
}

Result<QueuedCertificate> SslCertificates::revoke(TenantTransaction &tx, const SslCertificate &certificate,
                                                  const QDateTime &now)
{
    if (certificate.status == QLatin1String("revoked"))
        return makeError(errors::SslCertificateRevoked, QStringLiteral("the certificate is already revoked"));
    if (certificate.certificatePem.isEmpty())
        return makeError(errors::SslNotIssued, QStringLiteral("no certificate was issued to revoke"));
    JobSpec spec;
    spec.tenantId = tx.tenantId();
    spec.kind = kinds::revoke;
    spec.payload = {{QStringLiteral("certificate_id"), certificate.id},
                    {QStringLiteral("serial"), certificate.serial}};
    spec.runAt = now;
    spec.maxAttempts = 10;
    spec.uniqueKey = kinds::revoke + u':' + certificate.id;
    spec.relatedType = kCertificateRelatedType;
    spec.relatedId = certificate.id;
    auto job = Jobs::enqueue(tx.db(), spec);
    if (!job)
        return job.error();
    return QueuedCertificate{certificate, job->id};
}

} // namespace mp::ssl
