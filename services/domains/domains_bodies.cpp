#include "domains/domains_bodies.h"

#include "domains/domains_errors.h"

namespace mp::domains {

using api::BodyField;
using api::RequestBody;

const RequestBody &nameserversBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("DomainNameserversInput"))
            .add(BodyField::strings(QStringLiteral("nameservers"))
                     .required()
                     .describe(QStringLiteral(
                         "2 to 13 host names, e.g. [\"ns1.example.net\", \"ns2.example.net\"]")));
    return body;
}

const RequestBody &lockBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("DomainLockInput"))
            .add(BodyField::boolean(QStringLiteral("locked"))
                     .required()
                     .describe(QStringLiteral("true: registrar lock on (no transfer out); false: off")));
    return body;
}

const RequestBody &transferBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("DomainTransferInput"))
            .add(BodyField::string(QStringLiteral("domain"))
                     .required()
                     .describe(QStringLiteral("the domain to transfer in; its TLD names the product")))
            .add(BodyField::string(QStringLiteral("auth_code"))
                     .required()
                     .minLength(1)
                     .maxLength(100)
                     .outOfRange(errors::DomainsInvalidName)
                     .writeOnly()
                     .describe(QStringLiteral("the EPP code from the current registrar")))
            .add(BodyField::integer(QStringLiteral("years")).minimum(1).maximum(10).defaultValue(1))
            .add(BodyField::string(QStringLiteral("customer_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("staff only")))
            .add(BodyField::string(QStringLiteral("currency")));
    return body;
}

std::shared_ptr<const RequestBody> domainLineOptions()
{
    static const auto body = std::make_shared<const RequestBody>(
        RequestBody(QStringLiteral("DomainLineOptions"))
            .add(BodyField::string(QStringLiteral("auth_code"))
                     .minLength(1)
                     .maxLength(100)
                     .outOfRange(errors::DomainsInvalidName)
                     .writeOnly()
                     .describe(
                         QStringLiteral("domain transfers: the EPP code; kept until the transfer is sent"))));
    return body;
}

} // namespace mp::domains
