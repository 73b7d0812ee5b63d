#include "acme/acme_orders.h"

#include "acme/acme_errors.h"
#include "acme/acme_problem.h"
#include "core/clock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>

namespace mp {

namespace {

Error stopped()
{
    return makeError(errors::AcmeAborted, QStringLiteral("the ACME exchange was stopped"));
}

} // namespace

qint64 AcmeOrders::pollDelay(qint64 retryAfterMs) const
{
    // A CA's Retry-After is honoured, within the time the whole wait may take.
    const AcmeSettings &s = m_session.settings();
    return retryAfterMs >= 0 ? qMin<qint64>(qMax<qint64>(retryAfterMs, 100), s.pollTimeoutMs)
                             : s.pollIntervalMs;
}

Result<AcmeOrder> AcmeOrders::place(const QStringList &names, const QString &replaces)
{
    auto dir = m_session.directory();
    if (!dir)
        return dir.error();
    QJsonArray identifiers;
    for (const QString &name : names)
        identifiers.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("dns")}, {QStringLiteral("value"), name}});
    QJsonObject payload{{QStringLiteral("identifiers"), identifiers}};
    if (!replaces.isEmpty() && dir->renewalInfo.isValid() && !dir->renewalInfo.isEmpty())
        payload.insert(QStringLiteral("replaces"), replaces);
    auto answer = m_session.post(dir->newOrder, payload);
    if (!answer)
        return answer.error();
    if (answer->location.isEmpty())
        return makeError(errors::AcmeInvalidResponse,
                         QStringLiteral("the CA made the order without its URL"));
    return AcmeOrder::fromJson(answer->location, answer->json);
}

Result<AcmeOrder> AcmeOrders::fetch(const QUrl &orderUrl)
{
    auto answer = m_session.postAsGet(orderUrl);
    if (!answer)
        return answer.error();
    return AcmeOrder::fromJson(orderUrl, answer->json);
}

Result<QList<AcmeChallengeTask>> AcmeOrders::challenges(const AcmeOrder &order, const QString &type)
{
    QList<AcmeChallengeTask> tasks;
    for (const QUrl &url : order.authorizations) {
        auto answer = m_session.postAsGet(url);
        if (!answer)
            return answer.error();
        const AcmeAuthorization authz = AcmeAuthorization::fromJson(url, answer->json);
        if (authz.status == QLatin1String("valid"))
            continue;
        if (authz.status != QLatin1String("pending")) {
            for (const AcmeChallenge &c : authz.challenges) {
                if (!c.error.isEmpty())
                    return makeError(
                        errors::AcmeChallengeFailed,
                        acmeProblemError(c.error, QStringLiteral("validating %1").arg(authz.identifier))
                            .message);
            }
            return makeError(
                errors::AcmeChallengeFailed,
                QStringLiteral("the CA's authorization for %1 is %2").arg(authz.identifier, authz.status));
        }
        const AcmeChallenge *chosen = nullptr;
        for (const AcmeChallenge &c : authz.challenges) {
            if (c.type == type)
                chosen = &c;
        }
        if (!chosen)
            return makeError(
                errors::AcmeChallengeFailed,
                QStringLiteral("the CA offers no %1 challenge for %2%3")
                    .arg(type, authz.wildcard ? QStringLiteral("*.") : QString(), authz.identifier));
        AcmeChallengeTask task;
        task.identifier = authz.identifier;
        task.wildcard = authz.wildcard;
        task.type = type;
        task.authorizationUrl = url;
        task.challengeUrl = chosen->url;
        task.token = chosen->token;
        task.keyAuthorization = m_session.keyAuthorization(chosen->token);
        task.dnsName = QStringLiteral("_acme-challenge.%1.").arg(authz.identifier);
        task.dnsValue = QString::fromLatin1(
            base64Url(QCryptographicHash::hash(task.keyAuthorization.toUtf8(), QCryptographicHash::Sha256)));
        tasks.append(task);
    }
    return tasks;
}

Status AcmeOrders::answer(const AcmeChallengeTask &task)
{
    auto responded = m_session.post(task.challengeUrl, QJsonObject{});
    if (!responded)
        return responded.error();
    QElapsedTimer waited;
    waited.start();
    qint64 retryAfter = responded->retryAfterMs;
    const QString what = QStringLiteral("the %1 challenge for %2").arg(task.type, task.identifier);
    for (;;) {
        auto answer = m_session.postAsGet(task.authorizationUrl);
        if (!answer)
            return answer.error();
        const AcmeAuthorization authz = AcmeAuthorization::fromJson(task.authorizationUrl, answer->json);
        if (authz.status == QLatin1String("valid"))
            return {};
        if (authz.status != QLatin1String("pending")) {
            for (const AcmeChallenge &c : authz.challenges) {
                if (c.type == task.type && !c.error.isEmpty()) {
                    const Error problem = acmeProblemError(c.error, what);
                    return makeError(errors::AcmeChallengeFailed, problem.message);
                }
            }
            return makeError(errors::AcmeChallengeFailed,
                             QStringLiteral("%1 ended %2").arg(what, authz.status));
        }
        retryAfter = answer->retryAfterMs >= 0 ? answer->retryAfterMs : retryAfter;
        if (waited.elapsed() > m_session.settings().pollTimeoutMs)
            return makeError(errors::AcmeTimeout, QStringLiteral("%1 was still pending after %2 s")
                                                      .arg(what)
                                                      .arg(m_session.settings().pollTimeoutMs / 1000));
        if (!m_session.wait(pollDelay(retryAfter)))
            return stopped();
        retryAfter = -1;
    }
}

Result<AcmeOrder> AcmeOrders::waitForOrder(const QUrl &url, const QStringList &untilAny)
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        auto answer = m_session.postAsGet(url);
        if (!answer)
            return answer.error();
        const AcmeOrder order = AcmeOrder::fromJson(url, answer->json);
        if (untilAny.contains(order.status))
            return order;
        if (order.status == QLatin1String("invalid")) {
            if (!order.error.isEmpty())
                return makeError(errors::AcmeOrderFailed,
                                 acmeProblemError(order.error, QStringLiteral("the order")).message);
            return makeError(errors::AcmeOrderFailed, QStringLiteral("the CA marked the order invalid"));
        }
        if (waited.elapsed() > m_session.settings().pollTimeoutMs)
            return makeError(errors::AcmeTimeout, QStringLiteral("the order was still %1 after %2 s")
                                                      .arg(order.status)
                                                      .arg(m_session.settings().pollTimeoutMs / 1000));
        if (!m_session.wait(pollDelay(answer->retryAfterMs)))
            return stopped();
    }
}

Result<AcmeOrder> AcmeOrders::finalize(const AcmeOrder &order, const QByteArray &csrDer)
{
    AcmeOrder current = order;
    if (current.status != QLatin1String("valid")) {
        if (current.status != QLatin1String("ready")) {
            auto ready = waitForOrder(order.url, {QStringLiteral("ready"), QStringLiteral("valid")});
            if (!ready)
                return ready.error();
            current = *ready;
        }
        if (current.status == QLatin1String("ready")) {
            auto answer =
                m_session.post(current.finalize,
                               QJsonObject{{QStringLiteral("csr"), QString::fromLatin1(base64Url(csrDer))}});
            if (!answer)
                return answer.error();
            current = AcmeOrder::fromJson(order.url, answer->json);
        }
    }
    if (current.status == QLatin1String("valid") && !current.certificate.isEmpty())
        return current;
    return waitForOrder(order.url, {QStringLiteral("valid")});
}

Result<QByteArray> AcmeOrders::download(const AcmeOrder &order)
{
    if (order.certificate.isEmpty())
        return makeError(errors::AcmeInvalidResponse,
                         QStringLiteral("the order has no certificate to download"));
    auto answer = m_session.postAsGet(order.certificate);
    if (!answer)
        return answer.error();
    if (!answer->body.contains("-----BEGIN CERTIFICATE-----"))
        return makeError(errors::AcmeInvalidResponse,
                         QStringLiteral("the CA's certificate download is not PEM"));
    return answer->body;
}

Status AcmeOrders::revoke(const QByteArray &certificateDer, int reason)
{
    auto dir = m_session.directory();
    if (!dir)
        return dir.error();
    auto answer = m_session.post(
        dir->revokeCert,
        QJsonObject{{QStringLiteral("certificate"), QString::fromLatin1(base64Url(certificateDer))},
                    {QStringLiteral("reason"), reason}});
    if (!answer)
        return answer.error();
    return {};
}

Result<AcmeRenewalInfo> AcmeOrders::renewalInfo(const QString &certId)
{
    auto dir = m_session.directory();
    if (!dir)
        return dir.error();
    if (dir->renewalInfo.isEmpty())
        return makeError(errors::AcmeRejected, QStringLiteral("the CA offers no renewal information (ARI)"));
    QUrl url = dir->renewalInfo;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + certId);
    auto answer = m_session.get(url);
    if (!answer)
        return answer.error();
    const QJsonObject window = answer->json.value(QLatin1String("suggestedWindow")).toObject();
    AcmeRenewalInfo info;
    info.windowStart =
        QDateTime::fromString(window.value(QLatin1String("start")).toString(), Qt::ISODateWithMs);
    info.windowEnd = QDateTime::fromString(window.value(QLatin1String("end")).toString(), Qt::ISODateWithMs);
    info.explanationUrl = answer->json.value(QLatin1String("explanationURL")).toString();
    info.retryAfterMs = answer->retryAfterMs;
    if (!info.windowStart.isValid() || !info.windowEnd.isValid() || info.windowEnd < info.windowStart)
        return makeError(errors::AcmeInvalidResponse,
                         QStringLiteral("the CA's renewal window is not readable"));
    return info;
}

} // namespace mp
