#include "cloudpods/cloudpod_bodies.h"

namespace mp::cloudpods {

const api::RequestBody &newPodBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody()
            .add(BodyField::string(QStringLiteral("customer_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("template_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("hostname"))
                     .describe(QStringLiteral("one DNS label; generated when absent")));
    return body;
}

} // namespace mp::cloudpods
