#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace mp {

// A second connection to the database a job (or a run) already works on, for a short
// transaction that must commit before the caller's own does: a mail marked sent the moment the
// relay took it, a renewal attempt's card pinned before Stripe is called. Closed and removed
// when it goes out of scope.
class SideConnection {
public:
    // `purpose` and `id` name the connection (with the thread), e.g. "mail-job", 42.
    static Result<SideConnection> open(const QSqlDatabase &like, const QString &purpose, qint64 id);

    SideConnection(SideConnection &&other) noexcept;
    SideConnection &operator=(SideConnection &&) = delete;
    SideConnection(const SideConnection &) = delete;
    SideConnection &operator=(const SideConnection &) = delete;
    ~SideConnection();

    const QSqlDatabase &db() const { return m_db; }

private:
    SideConnection(QSqlDatabase db, QString name);
    QSqlDatabase m_db;
    QString m_name;
};

} // namespace mp
