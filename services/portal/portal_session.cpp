#include "portal/portal_session.h"

#include <QJsonObject>
#include <QRandomGenerator>

namespace mp::portal {

namespace {

const QByteArray kPlainName = "mp_session";
const QByteArray kSecureName = "__Host-mp_session";
const QByteArray kVersion = "v1";

// Base64url tokens never hold a '.', so it separates the fields.
constexpr char kSeparator = '.';

bool plainToken(const QByteArray &field)
{
    if (field.isEmpty() || field.size() > 200)
        return false;
    for (char c : field) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray cookieValue(const HttpRequest &request)
{
    // Several Cookie headers, each "a=b; c=d": the secure name wins over the plain one.
    QByteArray plain;
    for (const auto &[name, value] : request.headers) {
        if (name.compare("cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &pair : value.split(';')) {
            const QByteArray item = pair.trimmed();
            if (item.startsWith(kSecureName + '='))
                return item.mid(kSecureName.size() + 1);
            if (item.startsWith(kPlainName + '='))
                plain = item.mid(kPlainName.size() + 1);
        }
    }
    return plain;
}

} // namespace

std::optional<PortalSession> PortalSession::fromRequest(const HttpRequest &request)
{
    const QList<QByteArray> fields = cookieValue(request).split(kSeparator);
    if (fields.size() != 6 || fields.at(0) != kVersion)
        return std::nullopt;
    for (qsizetype i = 1; i < 5; ++i) {
        if (!plainToken(fields.at(i)))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 expires = fields.at(5).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    PortalSession s;
    s.accessToken = QString::fromLatin1(fields.at(1));
    s.refreshToken = QString::fromLatin1(fields.at(2));
    s.csrfToken = QString::fromLatin1(fields.at(3));
    s.customerId = QString::fromLatin1(fields.at(4));
    s.accessExpiresAt = expires;
    return s;
}

std::optional<PortalSession> PortalSession::fromTokens(const QJsonObject &tokens, const QDateTime &now,
                                                       const QString &csrfToken)
{
    PortalSession s;
    s.accessToken = tokens.value(QStringLiteral("access_token")).toString();
    s.refreshToken = tokens.value(QStringLiteral("refresh_token")).toString();
    s.customerId = tokens.value(QStringLiteral("customer_id")).toString();
    s.accessExpiresAt = now.toSecsSinceEpoch() + tokens.value(QStringLiteral("expires_in")).toInteger();
    s.csrfToken = csrfToken.isEmpty() ? newCsrfToken() : csrfToken;
    for (const QString &field : {s.accessToken, s.refreshToken, s.customerId}) {
        if (!plainToken(field.toLatin1()))
            return std::nullopt;
    }
    return s;
}

QString PortalSession::newCsrfToken()
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

static QByteArray attributes(bool secure, qint64 maxAge)
{
    QByteArray out = "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + QByteArray::number(maxAge);
    if (secure)
        out += "; Secure";
    return out;
}

QByteArray SessionCookie::set(const PortalSession &session, bool secure)
{
    const QByteArray value = kVersion + kSeparator + session.accessToken.toLatin1() + kSeparator +
                             session.refreshToken.toLatin1() + kSeparator + session.csrfToken.toLatin1() +
                             kSeparator + session.customerId.toLatin1() + kSeparator +
                             QByteArray::number(session.accessExpiresAt);
    return (secure ? kSecureName : kPlainName) + '=' + value + attributes(secure, kMaxAgeSeconds);
}

QByteArray SessionCookie::clear(bool secure)
{
    return (secure ? kSecureName : kPlainName) + '=' + attributes(secure, 0);
}

bool SessionCookie::secureRequest(const HttpRequest &request, const QString &publicUrl)
{
    if (publicUrl.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        return true;
    return request.header("X-Forwarded-Proto").trimmed().compare("https", Qt::CaseInsensitive) == 0;
}

} // namespace mp::portal
