#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace mp::stripe {

// Stripe's request body: application/x-www-form-urlencoded pairs in bracket notation
// (`line_items[0][price_data][currency]`, `metadata[invoice_id]`). Order is kept as added.
class FormParams {
public:
    void add(const QString &key, const QString &value) { m_pairs.append({key, value}); }
    void add(const QString &key, qint64 value) { add(key, QString::number(value)); }

    const QList<QPair<QString, QString>> &pairs() const { return m_pairs; }
    bool isEmpty() const { return m_pairs.isEmpty(); }
    bool contains(const QString &key) const;
    QString value(const QString &key) const; // the first value for key; empty when absent

    // Encodes as stripe-node does (wire-capture.txt): brackets in keys stay literal, everything
    // but RFC 3986 unreserved characters is percent-encoded, a space is %20.
    QByteArray encode() const;

    // Decodes any common encoding: %5B/%5D or literal brackets, '+' or %20 for a space
    // (stripe.md section 3: other clients such as QUrlQuery encode differently).
    static FormParams decode(const QByteArray &body);

private:
    QList<QPair<QString, QString>> m_pairs;
};

} // namespace mp::stripe
