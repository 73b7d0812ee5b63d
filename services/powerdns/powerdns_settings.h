#pragma once

#include "core/result.h"
#include "provider_call/provider_call_settings.h"

#include <QString>
#include <QUrl>

namespace mp {

// One PowerDNS Authoritative server's HTTP API as mPanel calls it: the webserver's base URL
// (http://127.0.0.1:8081), the X-API-Key, and the server id in its paths ("localhost").
struct PowerDnsSettings {
    QString name; // the server's name in mPanel, for messages
    QUrl apiBase;
    QString apiKey;
    QString serverId = QStringLiteral("localhost");
    ProviderMode mode = ProviderMode::Live;
    int timeoutMs = 10000;
    int maxRetries = 2;
    int retryBaseDelayMs = 200;

    // Timeouts and retries may be moved by MPANEL_POWERDNS_TIMEOUT_MS and
    // MPANEL_POWERDNS_RETRY_DELAY_MS (tests).
    static PowerDnsSettings withEnvironment(PowerDnsSettings settings);

    Status validate() const;
    ProviderCallSettings callSettings() const;
    // "PowerDNS server 'ns1' (http://127.0.0.1:8081)".
    QString describe() const;
    // /api/v1/servers/<serverId>
    QString serverPath() const;
};

} // namespace mp
