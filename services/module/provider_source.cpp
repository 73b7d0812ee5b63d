#include "module/provider_source.h"

namespace mp {

QJsonObject ProviderStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("provider"), provider}, {QStringLiteral("name"), name},
                  {QStringLiteral("mode"), mode},         {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("enabled"), enabled},   {QStringLiteral("detail"), detail}};
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    return o;
}

} // namespace mp
