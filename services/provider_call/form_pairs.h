#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace mp {

// A call's parameters as ordered key/value pairs, for an application/x-www-form-urlencoded
// body or a query string: what a provider's client builds (stripe::FormParams,
// proxmox::Params) and what an emulator decodes. Order is kept as added; a key may repeat.
class FormPairs {
public:
    void add(const QString &key, const QString &value) { m_pairs.append({key, value}); }
    void add(const QString &key, qint64 value) { add(key, QString::number(value)); }

    const QList<QPair<QString, QString>> &pairs() const { return m_pairs; }
    bool isEmpty() const { return m_pairs.isEmpty(); }
    bool contains(const QString &key) const;
    QString value(const QString &key) const; // the first value for key; empty when absent

    // key=value&... with everything but RFC 3986 unreserved characters percent-encoded (a
    // space is %20, a '+' in a password stays a '+'); `literalInKeys` stay as they are in keys.
    QByteArray encode(const QByteArray &literalInKeys = {}) const;

protected:
    // Adds the pairs of `encoded`, taking '+' or %20 for a space.
    void appendDecoded(const QByteArray &encoded);

private:
    QList<QPair<QString, QString>> m_pairs;
};

} // namespace mp
