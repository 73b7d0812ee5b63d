#include "proxmox/proxmox_settings.h"

#include <QRegularExpression>

#include <limits>

namespace mp {

QByteArray ProxmoxSettings::authorizationHeader() const
{
    return "PVEAPIToken=" + tokenId.toUtf8() + '=' + tokenSecret.toUtf8();
}

QString ProxmoxSettings::describe() const
{
    const QString where =
        apiBase.port() > 0 ? QStringLiteral("%1:%2").arg(apiBase.host()).arg(apiBase.port()) : apiBase.host();
    if (clusterName.isEmpty())
        return QStringLiteral("Proxmox %1").arg(where);
    return QStringLiteral("cluster '%1' (%2)").arg(clusterName, where);
}

ProviderCallSettings ProxmoxSettings::callSettings() const
{
    const qint64 maxDelay = qMin<qint64>(qint64(retryDelayMs) << 8, std::numeric_limits<int>::max());
    return {apiBase, mode, timeoutMs, maxGetRetries, retryDelayMs, int(maxDelay), false};
}

Status ProxmoxSettings::validate() const
{
    const auto invalid = [](const QString &field, const QString &message) {
        return makeError(QStringLiteral("proxmox_invalid_settings"), message, field);
    };
    if (!apiBase.isValid() || apiBase.scheme() != QLatin1String("https") || apiBase.host().isEmpty())
        return invalid(QStringLiteral("api_base"),
                       QStringLiteral("the Proxmox API base must be an https URL such as "
                                      "https://pve1.example.net:8006/api2/json, got '%1'")
                           .arg(apiBase.toString()));
    // The second path segment selects the formatter; mPanel parses the JSON one only
    // (proxmox.md section 1).
    QString path = apiBase.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/api2/json")))
        return invalid(
            QStringLiteral("api_base"),
            QStringLiteral("the Proxmox API base must end in /api2/json, got '%1'").arg(apiBase.toString()));
    // USER@REALM!TOKENID; the server splits the header value at the last '=' (proxmox.md
    // section 2), so the id itself must not contain one.
    static const QRegularExpression tokenIdPattern(
        QStringLiteral("^[^\\s@=!:]+@[A-Za-z][A-Za-z0-9._-]*![A-Za-z][A-Za-z0-9._-]*$"));
    if (!tokenIdPattern.match(tokenId).hasMatch())
        return invalid(QStringLiteral("token_id"),
                       QStringLiteral("the API token id must look like user@realm!tokenid (for example "
                                      "mpanel@pve!prov), got '%1'")
                           .arg(tokenId));
    if (tokenSecret.trimmed().isEmpty() || tokenSecret.contains(u';') || tokenSecret.contains(u'\n'))
        return invalid(QStringLiteral("token_secret"),
                       QStringLiteral("the API token secret is missing or malformed"));
    if (!pinnedSha256.isEmpty() && pinnedSha256.size() != 32)
        return invalid(QStringLiteral("fingerprint"),
                       QStringLiteral("a pinned certificate fingerprint is a SHA-256 digest (32 bytes)"));
    if (timeoutMs <= 0 || taskPollIntervalMs <= 0 || taskTimeoutMs <= 0 || maxGetRetries < 0 ||
        retryDelayMs < 0)
        return invalid(QStringLiteral("timeout"),
                       QStringLiteral("Proxmox timeouts and intervals must be positive"));
    return {};
}

Result<QByteArray> ProxmoxSettings::parseFingerprint(const QString &text)
{
    QString hex = text.trimmed();
    hex.remove(u':');
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    static const QRegularExpression hexPattern(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!hexPattern.match(hex).hasMatch() || raw.size() != 32)
        return makeError(QStringLiteral("proxmox_invalid_settings"),
                         QStringLiteral("a certificate fingerprint is 32 hexadecimal byte pairs (SHA-256), "
                                        "such as 27:8B:0C:...; got '%1'")
                             .arg(text),
                         QStringLiteral("fingerprint"));
    return raw;
}

QString ProxmoxSettings::formatFingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

Result<QList<QSslCertificate>> ProxmoxSettings::parseCaCertificates(const QByteArray &pem)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        return makeError(QStringLiteral("proxmox_invalid_settings"),
                         QStringLiteral("the CA certificate is not PEM text with at least one certificate"),
                         QStringLiteral("ca_certificate"));
    for (const QSslCertificate &certificate : certificates) {
        if (certificate.isNull())
            return makeError(QStringLiteral("proxmox_invalid_settings"),
                             QStringLiteral("the CA certificate PEM contains an unreadable certificate"),
                             QStringLiteral("ca_certificate"));
    }
    return certificates;
}

} // namespace mp
