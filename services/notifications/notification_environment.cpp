#include "notifications/notification_environment.h"

#include <QMutex>
#include <QProcessEnvironment>

#include <optional>

namespace mp::notifications {

namespace {

QMutex g_mutex;
std::optional<Config> g_config;

QString setting(const QString &name, const QString &fallback = {})
{
    QMutexLocker lock(&g_mutex);
    if (g_config && g_config->contains(name))
        return g_config->value(name, fallback);
    return QProcessEnvironment::systemEnvironment().value(name, fallback);
}

} // namespace

void NotificationEnvironment::adopt(const Config &config)
{
    QMutexLocker lock(&g_mutex);
    g_config = config;
}

QString NotificationEnvironment::publicUrl()
{
    QString url = setting(QStringLiteral("MPANEL_PUBLIC_URL"));
    if (url.isEmpty())
        url = QStringLiteral("http://") +
              setting(QStringLiteral("MPANEL_LISTEN"), QStringLiteral("127.0.0.1:8080"));
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

QString NotificationEnvironment::smtpCaFile()
{
    return setting(QStringLiteral("MPANEL_SMTP_CA_FILE"));
}

} // namespace mp::notifications
