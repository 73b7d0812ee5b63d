#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariant>

// How the job engine passes values to PostgreSQL: timestamps as ISO text with milliseconds in
// UTC (cast with ::timestamptz in the SQL), empty texts as typed NULLs.
namespace mp::jobsql {

inline QString timestamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

inline QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace mp::jobsql
