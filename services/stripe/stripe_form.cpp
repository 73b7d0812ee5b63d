#include "stripe/stripe_form.h"

namespace mp::stripe {

bool FormParams::contains(const QString &key) const
{
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            return true;
    }
    return false;
}

QString FormParams::value(const QString &key) const
{
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            return pair.second;
    }
    return {};
}

QByteArray FormParams::encode() const
{
    QByteArray out;
    for (const auto &[key, value] : m_pairs) {
        if (!out.isEmpty())
            out += '&';
        out += key.toUtf8().toPercentEncoding("[]");
        out += '=';
        out += value.toUtf8().toPercentEncoding();
    }
    return out;
}

static QString decodeComponent(QByteArray raw)
{
    raw.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}

FormParams FormParams::decode(const QByteArray &body)
{
    FormParams params;
    const QList<QByteArray> items = body.split('&');
    for (const QByteArray &item : items) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            params.add(decodeComponent(item), QString());
        else
            params.add(decodeComponent(item.left(eq)), decodeComponent(item.mid(eq + 1)));
    }
    return params;
}

} // namespace mp::stripe
