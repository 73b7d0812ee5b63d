#pragma once

#include <QList>
#include <QString>

namespace mp::sql {

// A PostgreSQL array literal ("{...}") built element by element, bound as one text value and cast
// in the statement (`?::uuid[]`, `unnest(...)`). Set-based statements take a batch as parallel
// arrays this way: no JSON to build in C++ or to parse on the server.
class ArrayLiteral {
public:
    ArrayLiteral &append(const QString &value); // quoted, with " and \ escaped
    ArrayLiteral &append(qint64 value);
    ArrayLiteral &append(bool value);
    ArrayLiteral &appendNull();
    QString text() const;

    static QString of(const QList<qint64> &values);

private:
    void separate();

    QString m_text;
};

} // namespace mp::sql
