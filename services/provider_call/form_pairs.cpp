#include "provider_call/form_pairs.h"

namespace mp {

bool FormPairs::contains(const QString &key) const
{
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            return true;
    }
    return false;
}

QString FormPairs::value(const QString &key) const
{
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            return pair.second;
    }
    return {};
}

QByteArray FormPairs::encode(const QByteArray &literalInKeys) const
{
    QByteArray out;
    for (const auto &[key, value] : m_pairs) {
        if (!out.isEmpty())
            out += '&';
        out += key.toUtf8().toPercentEncoding(literalInKeys);
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

void FormPairs::appendDecoded(const QByteArray &encoded)
{
    const QList<QByteArray> items = encoded.split('&');
    for (const QByteArray &item : items) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            add(decodeComponent(item), QString());
        else
            add(decodeComponent(item.left(eq)), decodeComponent(item.mid(eq + 1)));
    }
}

} // namespace mp
