#pragma once

#include "ssl/ssl_certificates.h"
#include "staff_command.h"

namespace mp::commands {

// The SSL section's actions (contract in staff_command.h), through the same service functions as
// POST /api/ssl/certificates, .../renew and .../revoke, for the roles the matrix lets manage
// certificates. Each answers the certificate as it is then, with the job that carries it out.
void requestCertificate(ConsoleSession *session, QObject *context, const ssl::CertificateRequest &request,
                        Reply<ssl::QueuedCertificate> reply);
void renewCertificate(ConsoleSession *session, QObject *context, const QString &id,
                      Reply<ssl::QueuedCertificate> reply);
void revokeCertificate(ConsoleSession *session, QObject *context, const QString &id,
                       Reply<ssl::QueuedCertificate> reply);

} // namespace mp::commands
