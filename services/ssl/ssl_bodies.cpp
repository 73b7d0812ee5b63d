#include "ssl/ssl_bodies.h"

#include "core/errors.h"

namespace mp::ssl {

const api::RequestBody &certificateRequestBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("SslCertificateInput"))
            .add(BodyField::strings(QStringLiteral("names"))
                     .required()
                     .describe(QStringLiteral(
                         "the DNS names the certificate carries, e.g. example.com, www.example.com")))
            .add(BodyField::string(QStringLiteral("challenge"))
                     .oneOf({QStringLiteral("http-01"), QStringLiteral("dns-01")}, errors::InvalidValue)
                     .describe(QStringLiteral(
                         "how the CA checks each name: http-01 (the default) is answered by the service at "
                         "/.well-known/acme-challenge/, so each name must reach it on port 80; dns-01 puts "
                         "TXT records in the name's zone in mPanel's DNS (wildcards need it)")))
            .add(BodyField::string(QStringLiteral("customer_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(
                         QStringLiteral("the customer whose names these are; they see the certificate")));
    return body;
}

} // namespace mp::ssl
