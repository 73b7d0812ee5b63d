#include "proxmox/proxmox_params.h"

#include "proxmox/proxmox_errors.h"

#include <QRegularExpression>
#include <QUrl>

namespace mp::proxmox {

bool Params::contains(const QString &key) const
{
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            return true;
    }
    return false;
}

QString Params::value(const QString &key) const
{
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            return pair.second;
    }
    return {};
}

QByteArray Params::encode() const
{
    QByteArray out;
    for (const auto &[key, value] : m_pairs) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

Params Params::decode(const QByteArray &encoded)
{
    Params params;
    const QList<QByteArray> parts = encoded.split('&');
    for (QByteArray part : parts) {
        if (part.isEmpty())
            continue;
        part.replace('+', ' ');
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        params.add(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return params;
}

bool isValidTag(const QString &tag)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_][a-z0-9_+.\\-]*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(tag).hasMatch();
}

Result<QString> joinTags(const QStringList &tags)
{
    for (const QString &tag : tags) {
        if (!isValidTag(tag))
            return makeError(errors::ProxmoxInvalidRequest,
                             QStringLiteral("'%1' is not a Proxmox tag: letters, digits, _ + . - only, not "
                                            "starting with + . -")
                                 .arg(tag),
                             QStringLiteral("tags"));
    }
    return tags.join(u';');
}

QStringList splitTags(const QString &tags)
{
    static const QRegularExpression separators(QStringLiteral("[;, ]+"));
    return tags.split(separators, Qt::SkipEmptyParts);
}

} // namespace mp::proxmox
