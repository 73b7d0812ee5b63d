#include "customers/auth_bodies.h"

namespace mp::customers {

using api::BodyField;
using api::RequestBody;

const RequestBody &loginBody()
{
    static const RequestBody body =
        RequestBody()
            .add(BodyField::string(QStringLiteral("tenant_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("email")).required())
            .add(BodyField::string(QStringLiteral("password")).required());
    return body;
}

const RequestBody &refreshTokenBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("RefreshToken")).add(BodyField::string(QStringLiteral("refresh_token")));
    return body;
}

} // namespace mp::customers
