#include "ssl/ssl_jobs.h"

#include "acme/acme_certificate.h"
#include "acme/acme_errors.h"
#include "acme/acme_orders.h"
#include "acme/acme_session.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "jobs/jobs.h"
#include "module/domain_events.h"
#include "ssl/ssl_acme_account.h"
#include "ssl/ssl_certificates.h"
#include "ssl/ssl_dns_challenges.h"
#include "ssl/ssl_environment.h"
#include "ssl/ssl_install_target.h"
#include "ssl/ssl_key_vault.h"
#include "ssl/ssl_order_pacing.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace mp::ssl {

namespace {

const QString kHttp01 = QStringLiteral("http-01");
const QString kDns01 = QStringLiteral("dns-01");

QString certificateIdOf(const JobContext &ctx)
{
    return ctx.payload().value(QLatin1String("certificate_id")).toString();
}

// A job for the certificate as issued now (its serial): it does nothing once another replaced it.
Status queueAt(const QSqlDatabase &db, const JobContext &ctx, const QString &kind, const QString &certId,
               const QString &serial, const QDateTime &runAt)
{
    JobSpec spec;
    spec.tenantId = ctx.tenantId();
    spec.kind = kind;
    spec.payload = {{QStringLiteral("certificate_id"), certId}, {QStringLiteral("serial"), serial}};
    spec.runAt = runAt;
    spec.maxAttempts = 10;
    spec.relatedType = kCertificateRelatedType;
    spec.relatedId = certId;
    auto job = Jobs::enqueue(db, spec);
    if (!job)
        return job.error();
    return {};
}

// One run of ssl.issue for one certificate, inside the job's transaction.
class Issuance {
public:
    Issuance(JobContext &ctx, QSqlDatabase db, SslCertificate cert, AcmeSettings settings)
        : m_ctx(ctx), m_db(std::move(db)), m_cert(std::move(cert)), m_settings(std::move(settings))
    {
    }

    Status run()
    {
        auto account = SslAcmeAccount::load(m_db, m_ctx.tenantId(), m_settings.directoryUrl, m_ctx.now());
        if (!account)
            return account.error();
        AcmeSession session(m_settings, account->key, [this] { return m_ctx.stopRequested(); });
        // newAccount answers the existing account for a known key: safe on every run, and it
        // finds the account again after a CA forgot it (Pebble does on restart).
        auto url = session.account(account->contacts);
        if (!url)
            return url.error();
        if (auto s = SslAcmeAccount::rememberUrl(m_db, m_settings.directoryUrl, *url); !s)
            return s;
        AcmeOrders orders(session);
        const bool sameCa = m_cert.directoryUrl == m_settings.directoryUrl.toString(QUrl::FullyEncoded);
        if (m_cert.orderUrl.isEmpty() || !sameCa)
            return placeOrder(session, orders);
        return completeOrder(session, orders);
    }

private:
    Status placeOrder(AcmeSession &session, AcmeOrders &orders)
    {
        auto key = AcmeKey::generate();
        if (!key)
            return key.error();
        auto sealed = SslKeyVault::seal(key->toPem());
        if (!sealed)
            return sealed.error();
        const QString replaces = m_cert.status == QLatin1String("renewing") ? m_cert.ariId : QString();
        auto order = orders.place(m_cert.names, replaces);
        if (!order)
            return recordFailureOrRetry(session, order.error());
        // Recorded with the job: a run that dies after this point finds the order again.
        auto q =
            sql::exec(m_db,
                      QStringLiteral("UPDATE ssl_certificates SET order_url = ?, pending_key_sealed = ?, "
                                     "directory_url = ?, orders_placed = orders_placed + 1, updated_at = ? "
                                     "WHERE id = ?::uuid"),
                      {order->url.toString(QUrl::FullyEncoded), *sealed,
                       m_settings.directoryUrl.toString(QUrl::FullyEncoded), m_ctx.now(), m_cert.id});
        if (!q)
            return q.error();
        m_ctx.log(
            QStringLiteral("placed order %1 for %2 at %3")
                .arg(order->url.toString(), m_cert.names.join(QStringLiteral(", ")), m_settings.describe()));
        // Nothing else in this run: whatever fails next must not roll the order's record back.
        return nextRun();
    }

    // The next run validates: it starts after this transaction has committed the answers.
    Status nextRun()
    {
        auto job = SslCertificates::queueIssue(m_db, m_ctx.tenantId(), m_cert.id, m_ctx.now());
        if (!job)
            return job.error();
        return {};
    }

    // Writes the HTTP-01 answers the service serves; true when any was new (not yet committed).
    Result<bool> publish(AcmeOrders &orders, const AcmeOrder &order)
    {
        auto tasks = orders.challenges(order, kHttp01);
        if (!tasks)
            return tasks.error();
        bool added = false;
        for (const AcmeChallengeTask &task : std::as_const(*tasks)) {
            auto q =
                sql::exec(m_db,
                          QStringLiteral("INSERT INTO ssl_http_challenges (token, tenant_id, certificate_id, "
                                         "key_authorization, created_at) VALUES (?, ?::uuid, ?::uuid, ?, ?) "
                                         "ON CONFLICT (token) DO NOTHING RETURNING 1"),
                          {task.token, m_ctx.tenantId(), m_cert.id, task.keyAuthorization, m_ctx.now()});
            if (!q)
                return q.error();
            added = q->next() || added;
        }
        m_tasks = *tasks;
        return added;
    }

    // Hands the DNS-01 TXT records to the DNS module once per order; true when it did now (the
    // zone's sync job runs once this transaction has committed them).
    Result<bool> publishDns(AcmeOrders &orders, const AcmeOrder &order)
    {
        auto tasks = orders.challenges(order, kDns01);
        if (!tasks)
            return tasks.error();
        m_tasks = *tasks;
        if (m_cert.dnsPublishedOrder == m_cert.orderUrl || m_tasks.isEmpty())
            return false;
        TenantTransaction tx = TenantTransaction::adopt(m_db, m_ctx.tenantId());
        if (auto s = SslDnsChallenges::publish(tx, m_cert.id, m_tasks, m_ctx.now()); !s)
            return s.error();
        auto q = sql::exec(m_db,
                           QStringLiteral("UPDATE ssl_certificates SET dns_published_order = order_url, "
                                          "updated_at = ? WHERE id = ?::uuid"),
                           {m_ctx.now(), m_cert.id});
        if (!q)
            return q.error();
        m_ctx.log(
            QStringLiteral("published %1 dns-01 TXT record(s) through the DNS module").arg(m_tasks.size()));
        return true;
    }

    // Asks every authoritative server until each serves every TXT value; the CA is asked to look
    // only then. Waiting too long is the engine's to retry (with the reason as the job's error).
    Status waitUntilServed(AcmeSession &session)
    {
        TenantTransaction tx = TenantTransaction::adopt(m_db, m_ctx.tenantId());
        QString missing;
        for (qint64 waited = 0;; waited += m_settings.pollIntervalMs) {
            missing = SslDnsChallenges::notYetServed(tx, m_tasks);
            if (missing.isEmpty()) {
                m_ctx.log(QStringLiteral("every DNS server serves the dns-01 TXT records"));
                return {};
            }
            if (waited >= m_settings.pollTimeoutMs || !session.wait(m_settings.pollIntervalMs))
                break;
        }
        return makeError(errors::AcmeTimeout, QStringLiteral("dns-01: ") + missing);
    }

    Status completeOrder(AcmeSession &session, AcmeOrders &orders)
    {
        auto order = orders.fetch(QUrl(m_cert.orderUrl));
        if (!order)
            return recordFailureOrRetry(session, order.error());
        if (order->status == QLatin1String("invalid"))
            return recordFailure(QStringLiteral("the CA gave the order up: ") + orderProblem(*order));
        if (order->status == QLatin1String("pending")) {
            auto added = m_cert.challenge == kDns01 ? publishDns(orders, *order) : publish(orders, *order);
            if (!added)
                return recordFailureOrRetry(session, added.error());
            if (*added)
                return nextRun();
            if (m_cert.challenge == kDns01) {
                if (auto served = waitUntilServed(session); !served)
                    return served;
            }
            for (const AcmeChallengeTask &task : std::as_const(m_tasks)) {
                if (auto answered = orders.answer(task); !answered)
                    return recordFailureOrRetry(session, answered.error());
                m_ctx.log(QStringLiteral("%1 validated for %2").arg(task.type, task.identifier));
            }
        }
        auto pem = SslKeyVault::open(m_cert.pendingKeySealed);
        if (!pem)
            return pem.error();
        auto key = AcmeKey::fromPem(*pem);
        if (!key)
            return key.error();
        auto csr = key->csr(m_cert.names);
        if (!csr)
            return csr.error();
        auto done = orders.finalize(*order, *csr);
        if (!done)
            return recordFailureOrRetry(session, done.error());
        auto chain = orders.download(*done);
        if (!chain)
            return recordFailureOrRetry(session, chain.error());
        auto info = AcmeCertificateInfo::fromPemChain(*chain);
        if (!info)
            return info.error();
        return record(orders, *chain, *info);
    }

    static QString orderProblem(const AcmeOrder &order)
    {
        return order.error.value(QLatin1String("detail")).toString();
    }

    // When to renew: ARI's window where the CA offers it (a random moment inside, as RFC 9773
    // asks, so many certificates do not renew at once), else a third of the lifetime before expiry.
    std::pair<QDateTime, QString> renewalTime(AcmeOrders &orders, const AcmeCertificateInfo &info)
    {
        auto ari = orders.renewalInfo(info.ariId);
        if (ari) {
            const qint64 span = qMax<qint64>(0, ari->windowStart.msecsTo(ari->windowEnd));
            const qint64 offset = span > 0 ? QRandomGenerator::global()->bounded(span) : 0;
            return {ari->windowStart.addMSecs(offset).toUTC(), QStringLiteral("ari")};
        }
        return {info.renewalDue(), QStringLiteral("lifetime")};
    }

    Status record(AcmeOrders &orders, const QByteArray &chain, const AcmeCertificateInfo &info)
    {
        const auto [renewAt, source] = renewalTime(orders, info);
        auto q = sql::exec(
            m_db,
            QStringLiteral(
                "UPDATE ssl_certificates SET status = 'valid', certificate_pem = ?, "
                "private_key_sealed = pending_key_sealed, pending_key_sealed = NULL, order_url = NULL, "
                "serial = ?, issuer = ?, not_before = ?, not_after = ?, ari_id = ?, renew_at = ?, "
                "renewal_source = ?, last_error = NULL, updated_at = ? WHERE id = ?::uuid"),
            {QString::fromLatin1(chain), info.serialHex, info.issuer, info.notBefore, info.notAfter,
             info.ariId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(info.ariId), renewAt,
             source, m_ctx.now(), m_cert.id});
        if (!q)
            return q.error();
        if (auto d = removeChallenges(); !d)
            return d;
        m_ctx.log(QStringLiteral("issued serial %1 by %2, valid until %3; renewal at %4 (%5)")
                      .arg(info.serialHex, info.issuer, info.notAfter.toString(Qt::ISODate),
                           renewAt.toString(Qt::ISODate), source));
        if (auto s = queueAt(m_db, m_ctx, kinds::renew, m_cert.id, info.serialHex, renewAt); !s)
            return s;
        auto target = SslInstallTarget::configured();
        if (!target)
            m_ctx.log(QStringLiteral("not installed: %1").arg(target.error().message));
        else if (*target) {
            if (auto s = queueAt(m_db, m_ctx, kinds::install, m_cert.id, info.serialHex, m_ctx.now()); !s)
                return s;
        }
        const QDateTime warnAt = qMax(m_ctx.now(), info.notAfter.addDays(-kExpiryWarningDays));
        return queueAt(m_db, m_ctx, kinds::expiryWarning, m_cert.id, info.serialHex, warnAt);
    }

    // What the CA said no to ends this issuance with the CA's words (the order is given up, so the
    // next try places a new one); a rate limit waits for the CA's Retry-After; anything else
    // (network, timeouts, the CA's own failures) is the job engine's to retry.
    Status recordFailureOrRetry(AcmeSession &session, const Error &error)
    {
        if (error.code == errors::AcmeRateLimited) {
            const qint64 wait = qMax<qint64>(session.lastRetryAfterMs(), 60000);
            m_ctx.log(QStringLiteral("rate limited by the CA; trying again in %1 s: %2")
                          .arg(wait / 1000)
                          .arg(error.message));
            if (auto s = setLastError(error.message); !s)
                return s;
            auto job =
                SslCertificates::queueIssue(m_db, m_ctx.tenantId(), m_cert.id, m_ctx.now().addMSecs(wait));
            return job ? Status() : Status(job.error());
        }
        const bool refused = error.code == errors::AcmeChallengeFailed ||
                             error.code == errors::AcmeOrderFailed || error.code == errors::AcmeRejected ||
                             error.code == errors::AcmeUnauthorized;
        if (!refused)
            return error;
        return recordFailure(error.message);
    }

    Status setLastError(const QString &message)
    {
        auto q = sql::exec(
            m_db,
            QStringLiteral("UPDATE ssl_certificates SET last_error = ?, updated_at = ? WHERE id = ?::uuid"),
            {message.left(2000), m_ctx.now(), m_cert.id});
        return q ? Status() : Status(q.error());
    }

    Status recordFailure(const QString &message)
    {
        m_ctx.log(QStringLiteral("issuance failed: %1").arg(message));
        // A renewal that failed leaves the certificate in force (valid) with the error shown.
        auto q = sql::exec(
            m_db,
            QStringLiteral("UPDATE ssl_certificates SET status = CASE WHEN certificate_pem IS NULL "
                           "THEN 'failed' ELSE 'valid' END, order_url = NULL, pending_key_sealed = NULL, "
                           "last_error = ?, updated_at = ? WHERE id = ?::uuid"),
            {message.left(2000), m_ctx.now(), m_cert.id});
        if (!q)
            return q.error();
        return removeChallenges();
    }

    // The answers of an order that is done or given up: HTTP-01 tokens and DNS-01 TXT records.
    Status removeChallenges()
    {
        auto d =
            sql::exec(m_db, QStringLiteral("DELETE FROM ssl_http_challenges WHERE certificate_id = ?::uuid"),
                      {m_cert.id});
        if (!d)
            return d.error();
        if (m_cert.challenge != kDns01)
            return {};
        auto q = sql::exec(
            m_db, QStringLiteral("UPDATE ssl_certificates SET dns_published_order = NULL WHERE id = ?::uuid"),
            {m_cert.id});
        if (!q)
            return q.error();
        TenantTransaction tx = TenantTransaction::adopt(m_db, m_ctx.tenantId());
        return SslDnsChallenges::cleanUp(tx, m_cert.id, m_ctx.now());
    }

    JobContext &m_ctx;
    QSqlDatabase m_db;
    SslCertificate m_cert;
    AcmeSettings m_settings;
    QList<AcmeChallengeTask> m_tasks;
};

Result<SslCertificate> lockedCertificate(JobContext &ctx, QSqlDatabase &db)
{
    const QString id = certificateIdOf(ctx);
    if (id.isEmpty())
        return JobContext::permanent(QStringLiteral("the job names no certificate"));
    auto handle = ctx.db();
    if (!handle)
        return handle.error();
    db = *handle;
    auto cert = SslCertificates::find(db, id, true);
    if (!cert && cert.error().code == QLatin1String("not_found"))
        return JobContext::permanent(QStringLiteral("certificate %1 is gone").arg(id));
    return cert;
}

// Whether a scheduled job still concerns the certificate as it is now: the one it was scheduled
// for (same serial), still in force.
bool stillCurrent(const JobContext &ctx, const SslCertificate &cert, bool renewingToo = false)
{
    const QString scheduledFor = ctx.payload().value(QLatin1String("serial")).toString();
    const bool inForce =
        cert.status == QLatin1String("valid") || (renewingToo && cert.status == QLatin1String("renewing"));
    return inForce && !scheduledFor.isEmpty() && cert.serial == scheduledFor;
}

} // namespace

Status issueCertificate(JobContext &ctx)
{
    QSqlDatabase db;
    auto cert = lockedCertificate(ctx, db);
    if (!cert)
        return cert.error();
    const bool wanted = cert->status == QLatin1String("pending") || cert->status == QLatin1String("renewing");
    if (!wanted) {
        ctx.log(QStringLiteral("nothing to do: the certificate is %1").arg(cert->status));
        return {};
    }
    auto settings = SslEnvironment::acme();
    if (!settings)
        return JobContext::permanent(settings.error().message);
    return Issuance(ctx, db, *cert, *settings).run();
}

Status renewCertificate(JobContext &ctx)
{
    QSqlDatabase db;
    auto cert = lockedCertificate(ctx, db);
    if (!cert)
        return cert.error();
    if (!stillCurrent(ctx, *cert)) {
        ctx.log(QStringLiteral("nothing to do: the certificate was renewed, revoked or is being renewed"));
        return {};
    }
    auto q = sql::exec(
        db,
        QStringLiteral("UPDATE ssl_certificates SET status = 'renewing', updated_at = ? WHERE id = ?::uuid"),
        {ctx.now(), cert->id});
    if (!q)
        return q.error();
    auto slot = SslOrderPacing::reserve(db, ctx.tenantId(), cert->id, ctx.now());
    if (!slot)
        return slot.error();
    auto job = SslCertificates::queueIssue(db, ctx.tenantId(), cert->id, *slot);
    if (!job)
        return job.error();
    ctx.log(QStringLiteral("renewal started (job %1, ordering at %2)")
                .arg(*job)
                .arg(slot->toString(Qt::ISODate)));
    return {};
}

Status revokeCertificate(JobContext &ctx)
{
    QSqlDatabase db;
    auto cert = lockedCertificate(ctx, db);
    if (!cert)
        return cert.error();
    if (cert->status == QLatin1String("revoked")) {
        ctx.log(QStringLiteral("nothing to do: already revoked"));
        return {};
    }
    auto info = AcmeCertificateInfo::fromPemChain(cert->certificatePem.toLatin1());
    if (!info)
        return JobContext::permanent(info.error().message);
    auto settings = SslEnvironment::acme();
    if (!settings)
        return JobContext::permanent(settings.error().message);
    if (!cert->directoryUrl.isEmpty())
        settings->directoryUrl = QUrl(cert->directoryUrl); // the CA that issued it
    auto account = SslAcmeAccount::load(db, ctx.tenantId(), settings->directoryUrl, ctx.now());
    if (!account)
        return account.error();
    AcmeSession session(*settings, account->key, [&ctx] { return ctx.stopRequested(); });
    if (auto url = session.account(account->contacts); !url)
        return url.error();
    auto revoked = AcmeOrders(session).revoke(info->leafDer, 0);
    // A retry after a lost answer finds it revoked already: that is the outcome wanted.
    if (!revoked && !revoked.error().message.contains(QLatin1String("(alreadyRevoked)")))
        return revoked.error();
    auto q = sql::exec(
        db,
        QStringLiteral("UPDATE ssl_certificates SET status = 'revoked', revoked_at = ?, "
                       "order_url = NULL, pending_key_sealed = NULL, updated_at = ? WHERE id = ?::uuid"),
        {ctx.now(), ctx.now(), cert->id});
    if (!q)
        return q.error();
    ctx.log(QStringLiteral("revoked serial %1").arg(info->serialHex));
    return {};
}

Status installCertificate(JobContext &ctx)
{
    QSqlDatabase db;
    auto cert = lockedCertificate(ctx, db);
    if (!cert)
        return cert.error();
    if (!stillCurrent(ctx, *cert, true)) {
        ctx.log(QStringLiteral("nothing to do: the certificate was renewed or revoked"));
        return {};
    }
    auto target = SslInstallTarget::configured();
    if (!target)
        return JobContext::permanent(target.error().message);
    if (!*target) {
        ctx.log(QStringLiteral("nothing to do: no install target is set"));
        return {};
    }
    auto pem = SslKeyVault::open(cert->privateKeySealed);
    if (!pem)
        return pem.error();
    const InstallBundle bundle{cert->id, cert->serial, cert->names, cert->certificatePem.toLatin1(), *pem};
    Status installed = (*target)->install(bundle);
    if (!installed && !ctx.lastAttempt())
        return installed;
    const QString error = installed ? QString() : installed.error().message;
    auto q = sql::exec(
        db,
        installed
            ? QStringLiteral("UPDATE ssl_certificates SET installed_serial = serial, installed_at = ?, "
                             "install_error = NULL, updated_at = ? WHERE id = ?::uuid")
            : QStringLiteral("UPDATE ssl_certificates SET install_error = left(?, 2000), updated_at = ? "
                             "WHERE id = ?::uuid"),
        installed ? QVariantList{ctx.now(), ctx.now(), cert->id} : QVariantList{error, ctx.now(), cert->id});
    if (!q)
        return q.error();
    ctx.log(installed ? QStringLiteral("installed serial %1 on %2").arg(cert->serial, (*target)->describe())
                      : QStringLiteral("gave up installing on %1: %2").arg((*target)->describe(), error));
    return {};
}

Result<qint64> queueKeyRollover(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now)
{
    JobSpec spec;
    spec.tenantId = tenantId;
    spec.kind = kinds::rollAccountKey;
    spec.runAt = now;
    spec.maxAttempts = 10;
    spec.uniqueKey = kinds::rollAccountKey + u':' + tenantId;
    auto job = Jobs::enqueue(db, spec);
    if (!job)
        return job.error();
    return job->id;
}

Status rollAccountKey(JobContext &ctx)
{
    auto handle = ctx.db();
    if (!handle)
        return handle.error();
    const QSqlDatabase db = *handle;
    auto settings = SslEnvironment::acme();
    if (!settings)
        return JobContext::permanent(settings.error().message);
    auto account = SslAcmeAccount::load(db, ctx.tenantId(), settings->directoryUrl, ctx.now());
    if (!account)
        return account.error();
    const bool fresh = account->accountUrl.isEmpty();
    auto next = SslAcmeAccount::nextKey(db, settings->directoryUrl);
    if (!next)
        return next.error();
    if (fresh) {
        // Never used at the CA: the next key simply becomes the key.
        if (auto s = SslAcmeAccount::adoptNextKey(db, settings->directoryUrl, ctx.now()); !s)
            return s;
        ctx.log(QStringLiteral("the account was not at the CA yet: its key was replaced here"));
        return {};
    }
    // Committed before the CA hears of it (a run of its own).
    if (ctx.payload().value(QLatin1String("next_key_committed")).toBool() == false) {
        JobSpec spec;
        spec.tenantId = ctx.tenantId();
        spec.kind = kinds::rollAccountKey;
        spec.payload = {{QStringLiteral("next_key_committed"), true}};
        spec.runAt = ctx.now();
        spec.maxAttempts = 10;
        auto job = Jobs::enqueue(db, spec);
        if (!job)
            return job.error();
        ctx.log(QStringLiteral("next account key made; the CA is asked in job %1").arg(job->id));
        return {};
    }
    AcmeSession session(*settings, account->key, [&ctx] { return ctx.stopRequested(); });
    session.setAccountUrl(account->accountUrl);
    Status changed = session.changeKey(*next);
    if (!changed) {
        // A lost answer: the CA may know the account under the next key already.
        AcmeSession probe(*settings, *next, [&ctx] { return ctx.stopRequested(); });
        auto url = probe.account(account->contacts);
        if (!url || *url != account->accountUrl)
            return changed;
    }
    if (auto s = SslAcmeAccount::adoptNextKey(db, settings->directoryUrl, ctx.now()); !s)
        return s;
    ctx.log(QStringLiteral("account %1 signs with its new key").arg(account->accountUrl.toString()));
    return {};
}

Status warnOfExpiry(JobContext &ctx)
{
    QSqlDatabase db;
    auto cert = lockedCertificate(ctx, db);
    if (!cert)
        return cert.error();
    if (!stillCurrent(ctx, *cert, true)) {
        ctx.log(QStringLiteral("nothing to do: the certificate was renewed or revoked"));
        return {};
    }
    events::DomainEvent event;
    event.name = events::CertificateExpiring;
    event.customerId = cert->customerId;
    event.subjectId = cert->id;
    event.data = {{QStringLiteral("domain"), cert->names.value(0)},
                  {QStringLiteral("names"), QJsonArray::fromStringList(cert->names)},
                  {QStringLiteral("expires_at"), cert->notAfter.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("last_error"), cert->lastError}};
    TenantTransaction tx = TenantTransaction::adopt(db, ctx.tenantId());
    if (auto s = events::DomainEvents::announce(tx, event, ctx.now()); !s)
        return s;
    ctx.log(QStringLiteral("announced that %1 expires at %2")
                .arg(cert->names.value(0), cert->notAfter.toString(Qt::ISODate)));
    return {};
}

} // namespace mp::ssl
