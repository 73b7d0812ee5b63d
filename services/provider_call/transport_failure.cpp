#include "provider_call/transport_failure.h"

namespace mp {

QString TransportFailure::outcomeNote() const
{
    if (!outcomeUnknown)
        return {};
    return QStringLiteral(
        " (the outcome is unknown: it may have been carried out, so look before repeating it)");
}

Error TransportFailure::toError(const QString &provider, const QString &where, int timeoutMs) const
{
    switch (kind) {
    case Kind::Timeout:
        return makeError(
            provider + QStringLiteral("_timeout"),
            QStringLiteral("no answer from %1 within %2 ms%3").arg(where).arg(timeoutMs).arg(outcomeNote()));
    case Kind::Tls:
        return makeError(provider + QStringLiteral("_tls"),
                         QStringLiteral("TLS check of %1 failed: %2").arg(where, detail));
    case Kind::Aborted:
        return makeError(provider + QStringLiteral("_aborted"),
                         QStringLiteral("the call to %1 was aborted").arg(where));
    case Kind::Network:
        break;
    }
    if (!attempted)
        return makeError(provider + QStringLiteral("_network"), detail);
    return makeError(provider + QStringLiteral("_network"),
                     QStringLiteral("cannot reach %1: %2%3").arg(where, detail, outcomeNote()));
}

} // namespace mp
