#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mp::proxmox {

// Request parameters in the order added. GET and DELETE send them in the query string, POST
// as an application/x-www-form-urlencoded body (a body on DELETE is refused with 501,
// proxmox.md section 1).
class Params {
public:
    void add(const QString &key, const QString &value) { m_pairs.append({key, value}); }
    void add(const QString &key, qint64 value) { add(key, QString::number(value)); }
    // Booleans must be exactly 1 or 0 in form and query encoding: `true` fails with 400
    // "type check ('boolean') failed - got 'true'" (proxmox.md section 1).
    void addBool(const QString &key, bool value)
    {
        add(key, value ? QStringLiteral("1") : QStringLiteral("0"));
    }
    void addIfSet(const QString &key, const QString &value)
    {
        if (!value.isEmpty())
            add(key, value);
    }

    const QList<QPair<QString, QString>> &pairs() const { return m_pairs; }
    bool isEmpty() const { return m_pairs.isEmpty(); }
    bool contains(const QString &key) const;
    QString value(const QString &key) const;

    // key=value&... with everything but RFC 3986 unreserved characters percent-encoded (so a
    // '+' in a password or key stays a '+', and ';' in tags survives).
    QByteArray encode() const;
    static Params decode(const QByteArray &encoded); // '+' or %20 for a space

private:
    QList<QPair<QString, QString>> m_pairs;
};

// Tags (format pve-tag-list): Proxmox splits the list at ';', ',' or spaces and stores it
// joined with ';' (proxmox.md section 3: `tags` (`a;b`)). A tag is [a-z0-9_][a-z0-9_+.-]*
// (letters in any case).
bool isValidTag(const QString &tag);
Result<QString> joinTags(const QStringList &tags);
QStringList splitTags(const QString &tags);

} // namespace mp::proxmox
