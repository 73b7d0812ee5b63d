#include "domains/registrar.h"

namespace mp::domains {

std::optional<DsRecord> DsRecord::parse(const QString &text)
{
    const QStringList parts = text.simplified().split(u' ');
    if (parts.size() < 4)
        return std::nullopt;
    bool a = false, b = false, c = false;
    DsRecord ds{parts.at(0).toInt(&a), parts.at(1).toInt(&b), parts.at(2).toInt(&c),
                parts.mid(3).join(QString()).toUpper()};
    if (!a || !b || !c || ds.digest.isEmpty())
        return std::nullopt;
    return ds;
}

} // namespace mp::domains
