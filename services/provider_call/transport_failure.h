#pragma once

#include "core/result.h"

#include <QString>

namespace mp {

// Why an attempt got no HTTP answer to judge, as ProviderCall classifies it for every provider.
struct TransportFailure {
    enum class Kind {
        Network, // refused, reset, DNS, or no network manager any more
        Timeout, // no complete answer within the attempt's timeout
        Tls,     // the TLS handshake failed (the certificate was not accepted)
        Aborted  // the caller aborted the call
    };

    Kind kind = Kind::Network;
    QString detail; // QNetworkReply's errorString(); empty for a timeout or an abort
    // A request went out (or may have): false when there was nothing to send it with.
    bool attempted = true;
    // The request may have reached the provider and been carried out, and the call is not safe
    // to repeat, so it is not repeated: the caller must look before trying again (is there a
    // VM tagged with this pod, a charge with this reference?).
    bool outcomeUnknown = false;

    // For a client without wording of its own: code `<provider>_network`, `_timeout`, `_tls`
    // or `_aborted`, and a sentence naming `where` that says when the outcome is unknown.
    Error toError(const QString &provider, const QString &where, int timeoutMs) const;
    // " (the outcome is unknown: ...)" when outcomeUnknown, else empty.
    QString outcomeNote() const;
};

} // namespace mp
