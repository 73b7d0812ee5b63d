#include "db/connection_settings.h"

#include "db/db_errors.h"

#include <QUrl>
#include <QUrlQuery>

namespace mp {

Result<ConnectionSettings> ConnectionSettings::fromUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    const QString field = QStringLiteral("MPANEL_DATABASE_URL");
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres")))
        return makeError(errors::InvalidDatabaseUrl,
                         QStringLiteral("expected postgresql://user:password@host:port/database"), field);
    ConnectionSettings s;
    s.host = u.host();
    s.port = u.port(5432);
    s.database = u.path().mid(1);
    s.user = u.userName(QUrl::FullyDecoded);
    s.password = u.password(QUrl::FullyDecoded);
    const QUrlQuery query(u);
    if (query.hasQueryItem(QStringLiteral("host")))
        s.host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (query.hasQueryItem(QStringLiteral("sslmode")))
        s.sslmode = query.queryItemValue(QStringLiteral("sslmode"));
    if (query.hasQueryItem(QStringLiteral("connect_timeout")))
        s.connectTimeoutSeconds = query.queryItemValue(QStringLiteral("connect_timeout")).toInt();
    if (s.database.isEmpty())
        return makeError(errors::InvalidDatabaseUrl, QStringLiteral("the URL names no database"), field);
    if (s.host.isEmpty())
        s.host = QStringLiteral("localhost");
    return s;
}

static QString quoteConnValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

QString ConnectionSettings::toConnInfo() const
{
    QStringList parts;
    parts << QStringLiteral("host=") + quoteConnValue(host) << QStringLiteral("port=%1").arg(port)
          << QStringLiteral("dbname=") + quoteConnValue(database)
          << QStringLiteral("user=") + quoteConnValue(user)
          << QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds)
          << QStringLiteral("application_name=") + quoteConnValue(applicationName);
    if (!password.isEmpty())
        parts << QStringLiteral("password=") + quoteConnValue(password);
    if (!sslmode.isEmpty())
        parts << QStringLiteral("sslmode=") + quoteConnValue(sslmode);
    return parts.join(u' ');
}

QString ConnectionSettings::qpsqlOptions() const
{
    QStringList parts;
    parts << QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds)
          << QStringLiteral("application_name=%1").arg(applicationName);
    if (!sslmode.isEmpty())
        parts << QStringLiteral("sslmode=") + sslmode;
    return parts.join(u';');
}

ConnectionSettings ConnectionSettings::withDatabase(const QString &name) const
{
    ConnectionSettings copy = *this;
    copy.database = name;
    return copy;
}

ConnectionSettings ConnectionSettings::withLogin(const QString &login, const QString &secret) const
{
    ConnectionSettings copy = *this;
    copy.user = login;
    copy.password = secret;
    return copy;
}

QString ConnectionSettings::describe() const
{
    const QString where = host.startsWith(u'/') ? QStringLiteral("socket %1").arg(host)
                                                : QStringLiteral("%1:%2").arg(host).arg(port);
    return QStringLiteral("%1@%2/%3").arg(user, where, database);
}

} // namespace mp
