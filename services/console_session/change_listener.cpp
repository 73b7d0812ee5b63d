#include "console_session/change_listener.h"

#include "db/sql.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlDriver>

#include <utility>

namespace mp {

ChangeListener::ChangeListener(ConnectionSettings settings, QString tenantId, QStringList channels)
    : m_settings(std::move(settings)), m_tenantId(std::move(tenantId)), m_channels(std::move(channels))
{
    static QAtomicInt counter;
    m_connectionName = QStringLiteral("mpanel-change-feed-%1").arg(counter.fetchAndAddRelaxed(1));
}

ChangeListener::~ChangeListener()
{
    close();
}

void ChangeListener::open()
{
    close();
    auto db = sql::open(m_settings, m_connectionName);
    if (!db) {
        Q_EMIT failed(db.error());
        return;
    }
    QSqlDriver *driver = db->driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (payload.toString() == m_tenantId)
                    Q_EMIT changed(channel);
            });
    for (const QString &channel : std::as_const(m_channels)) {
        if (!driver->subscribeToNotification(channel)) {
            Q_EMIT failed(
                sql::fromSqlError(driver->lastError(), QStringLiteral("listening on %1").arg(channel)));
            return;
        }
    }
    Q_EMIT listening();
}

void ChangeListener::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

} // namespace mp
