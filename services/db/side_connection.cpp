#include "db/side_connection.h"

#include "db/sql.h"

#include <QSqlError>
#include <QThread>

namespace mp {

Result<SideConnection> SideConnection::open(const QSqlDatabase &like, const QString &purpose, qint64 id)
{
    const QString name =
        QStringLiteral("mpanel-%1-%2-%3").arg(purpose).arg(id).arg(quintptr(QThread::currentThreadId()));
    QSqlDatabase db = QSqlDatabase::cloneDatabase(like, name);
    if (!db.open()) {
        const Error error =
            sql::fromSqlError(db.lastError(), QStringLiteral("opening a side connection (%1)").arg(purpose));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return error;
    }
    return SideConnection(db, name);
}

SideConnection::SideConnection(QSqlDatabase db, QString name) : m_db(std::move(db)), m_name(std::move(name))
{
}

SideConnection::SideConnection(SideConnection &&other) noexcept
    : m_db(other.m_db), m_name(std::move(other.m_name))
{
    other.m_name.clear();
}

SideConnection::~SideConnection()
{
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace mp
