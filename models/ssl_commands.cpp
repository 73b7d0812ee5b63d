#include "ssl_commands.h"

#include "core/clock.h"

namespace mp::commands {

namespace {

using ssl::QueuedCertificate;
using ssl::SslCertificate;
using ssl::SslCertificates;

using CertificateAction = Result<QueuedCertificate> (*)(TenantTransaction &, const SslCertificate &,
                                                        const QDateTime &);

void onCertificate(ConsoleSession *session, QObject *context, const QString &id, CertificateAction action,
                   Reply<QueuedCertificate> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageCertificates,
        [id, action](TenantTransaction &tx) -> Result<QueuedCertificate> {
            auto cert = SslCertificates::find(tx.db(), id);
            if (!cert)
                return cert.error();
            return action(tx, *cert, Clock::current().now());
        },
        std::move(reply));
}

} // namespace

void requestCertificate(ConsoleSession *session, QObject *context, const ssl::CertificateRequest &request,
                        Reply<QueuedCertificate> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageCertificates,
        [request](TenantTransaction &tx) {
            return SslCertificates::request(tx, request, Clock::current().now());
        },
        std::move(reply));
}

void renewCertificate(ConsoleSession *session, QObject *context, const QString &id,
                      Reply<QueuedCertificate> reply)
{
    onCertificate(session, context, id, &SslCertificates::renew, std::move(reply));
}

void revokeCertificate(ConsoleSession *session, QObject *context, const QString &id,
                       Reply<QueuedCertificate> reply)
{
    onCertificate(session, context, id, &SslCertificates::revoke, std::move(reply));
}

} // namespace mp::commands
