#include "monitoring/check_definition.h"

#include "monitoring/dns_probe.h"
#include "monitoring/probes.h"

#include <QCoreApplication>

namespace mp::monitoring {

namespace {

CheckResult judgeLatency(const CheckDefinition &check, int latencyMs, const QString &message)
{
    if (latencyMs > check.degradedMs)
        return {
            QStringLiteral("degraded"), latencyMs,
            QStringLiteral("%1; slow: %2 ms (over %3 ms)").arg(message).arg(latencyMs).arg(check.degradedMs)};
    return {QStringLiteral("up"), latencyMs, message};
}

CheckResult runHttp(const CheckDefinition &check)
{
    const HttpProbe p = Probes::httpGet(check.target, check.timeoutMs);
    if (!p.reached)
        return {QStringLiteral("down"), std::nullopt, p.error};
    const bool statusOk =
        check.expectStatus ? p.status == *check.expectStatus : (p.status >= 200 && p.status < 400);
    if (!statusOk)
        return {QStringLiteral("down"), p.latencyMs,
                check.expectStatus
                    ? QStringLiteral("HTTP %1, expected %2").arg(p.status).arg(*check.expectStatus)
                    : QStringLiteral("HTTP %1").arg(p.status)};
    if (!check.expectKeyword.isEmpty() && !p.body.contains(check.expectKeyword.toUtf8()))
        return {QStringLiteral("down"), p.latencyMs,
                QStringLiteral("HTTP %1 without \"%2\"").arg(p.status).arg(check.expectKeyword)};
    return judgeLatency(check, p.latencyMs, QStringLiteral("HTTP %1").arg(p.status));
}

CheckResult runTcp(const CheckDefinition &check)
{
    const TcpProbe p = Probes::tcpConnect(check.target, check.timeoutMs);
    if (!p.reached)
        return {QStringLiteral("down"), std::nullopt, p.error};
    return judgeLatency(check, p.latencyMs, QStringLiteral("connected"));
}

CheckResult runTls(const CheckDefinition &check, const QDateTime &now)
{
    const TlsProbe p = Probes::tlsHandshake(check.target, check.timeoutMs);
    if (!p.reached)
        return {QStringLiteral("down"), std::nullopt, p.error};
    const qint64 daysLeft = now.secsTo(p.expiresAt) / 86400;
    const QString expiry =
        QStringLiteral("certificate %1 expires %2").arg(p.subject, p.expiresAt.toString(Qt::ISODate));
    if (p.expiresAt <= now)
        return {QStringLiteral("down"), p.latencyMs, QStringLiteral("%1: expired").arg(expiry)};
    if (daysLeft < check.tlsWarnDays)
        return {QStringLiteral("degraded"), p.latencyMs,
                QStringLiteral("%1: %2 day(s) left").arg(expiry).arg(daysLeft)};
    QString message = QStringLiteral("%1: %2 day(s) left").arg(expiry).arg(daysLeft);
    if (!p.verifyErrors.isEmpty())
        message += QStringLiteral(" (not verified: %1)").arg(p.verifyErrors);
    return judgeLatency(check, p.latencyMs, message);
}

// Names compare without case and without the final dot.
QString normalizedRecord(QString text)
{
    text = text.trimmed().toLower();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

CheckResult runDns(const CheckDefinition &check)
{
    const DnsAnswer a = DnsProbe::ask(check.target, check.queryName, check.queryType, check.timeoutMs);
    if (!a.reached)
        return {QStringLiteral("down"), std::nullopt, a.error};
    const QString asked = QStringLiteral("%1 %2").arg(check.queryName, check.queryType);
    if (a.rcode != 0)
        return {QStringLiteral("down"), a.latencyMs,
                QStringLiteral("%1: response code %2").arg(asked).arg(a.rcode)};
    if (a.records.isEmpty())
        return {QStringLiteral("down"), a.latencyMs, QStringLiteral("%1: no record").arg(asked)};
    const QString answer = QStringLiteral("%1: %2").arg(asked, a.records.join(QStringLiteral(", ")));
    if (!check.expectKeyword.isEmpty()) {
        const QString wanted = normalizedRecord(check.expectKeyword);
        const bool found = std::any_of(a.records.cbegin(), a.records.cend(),
                                       [&](const QString &r) { return normalizedRecord(r) == wanted; });
        if (!found)
            return {QStringLiteral("down"), a.latencyMs,
                    QStringLiteral("%1, expected %2").arg(answer, check.expectKeyword)};
    }
    return judgeLatency(check, a.latencyMs, answer);
}

} // namespace

QJsonObject CheckDefinition::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("target"), target},
        {QStringLiteral("expect_status"), expectStatus ? QJsonValue(*expectStatus) : QJsonValue()},
        {QStringLiteral("expect_keyword"),
         expectKeyword.isEmpty() ? QJsonValue() : QJsonValue(expectKeyword)},
        {QStringLiteral("query_name"), queryName.isEmpty() ? QJsonValue() : QJsonValue(queryName)},
        {QStringLiteral("query_type"), queryType.isEmpty() ? QJsonValue() : QJsonValue(queryType)},
        {QStringLiteral("timeout_ms"), timeoutMs},
        {QStringLiteral("interval_s"), intervalS},
        {QStringLiteral("down_interval_s"), downIntervalS},
        {QStringLiteral("degraded_ms"), degradedMs},
        {QStringLiteral("tls_warn_days"), tlsWarnDays},
        {QStringLiteral("fail_threshold"), failThreshold},
        {QStringLiteral("recover_threshold"), recoverThreshold},
        {QStringLiteral("node_id"), nodeId.isEmpty() ? QJsonValue() : QJsonValue(nodeId)},
        {QStringLiteral("customer_id"), customerId.isEmpty() ? QJsonValue() : QJsonValue(customerId)},
        {QStringLiteral("enabled"), enabled}};
}

CheckResult runCheck(const CheckDefinition &check, const QDateTime &now)
{
    if (check.kind == QLatin1String("http"))
        return runHttp(check);
    if (check.kind == QLatin1String("tcp"))
        return runTcp(check);
    if (check.kind == QLatin1String("dns"))
        return runDns(check);
    return runTls(check, now);
}

} // namespace mp::monitoring
