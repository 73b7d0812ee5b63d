#include "proxmox/proxmox_params.h"

#include <QRegularExpression>

namespace mp::proxmox {

Params Params::decode(const QByteArray &encoded)
{
    Params params;
    params.appendDecoded(encoded);
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
            return makeError(QStringLiteral("proxmox_invalid_request"),
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
