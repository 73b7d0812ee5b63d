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

const RequestBody &passwordResetRequestBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("PasswordResetRequest"))
            .add(BodyField::string(QStringLiteral("tenant_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("email")).required().maxLength(254));
    return body;
}

const RequestBody &passwordResetConfirmBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("PasswordResetConfirm"))
            .add(BodyField::string(QStringLiteral("tenant_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("token"))
                     .required()
                     .maxLength(200)
                     .describe(QStringLiteral("from the link in the mail (mpw_...)")))
            .add(BodyField::string(QStringLiteral("password"))
                     .required()
                     .minLength(10)
                     .maxLength(1024)
                     .writeOnly());
    return body;
}

} // namespace mp::customers
