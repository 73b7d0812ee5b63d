#include "db/sql_array.h"

namespace mp::sql {

void ArrayLiteral::separate()
{
    if (!m_text.isEmpty())
        m_text += u',';
}

ArrayLiteral &ArrayLiteral::append(const QString &value)
{
    separate();
    m_text.reserve(m_text.size() + value.size() + 2);
    m_text += u'"';
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            m_text += u'\\';
        m_text += c;
    }
    m_text += u'"';
    return *this;
}

ArrayLiteral &ArrayLiteral::append(qint64 value)
{
    separate();
    m_text += QString::number(value);
    return *this;
}

ArrayLiteral &ArrayLiteral::append(bool value)
{
    separate();
    m_text += value ? u't' : u'f';
    return *this;
}

ArrayLiteral &ArrayLiteral::appendNull()
{
    separate();
    m_text += QLatin1String("NULL");
    return *this;
}

QString ArrayLiteral::text() const
{
    return u'{' + m_text + u'}';
}

QString ArrayLiteral::of(const QList<qint64> &values)
{
    ArrayLiteral array;
    for (const qint64 v : values)
        array.append(v);
    return array.text();
}

} // namespace mp::sql
