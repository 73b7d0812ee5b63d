#pragma once

#include "core/result.h"
#include "provider_call/provider_call_settings.h"

#include <QString>
#include <QUrl>

namespace mp {

// One Namesilo account as mPanel calls it: the API base (https://www.namesilo.com/api, the
// sandbox's, or the emulator's) and the account's key. Automated traffic goes to the batch
// endpoint (<base>batch/<operation>), as Namesilo asks of scripts; `batch` off uses <base>/.
struct NamesiloSettings {
    QUrl apiBase = QUrl(QStringLiteral("https://www.namesilo.com/api"));
    QString apiKey;
    ProviderMode mode = ProviderMode::Live;
    bool batch = true;
    int timeoutMs = 30000;
    int maxRetries = 2;
    int retryBaseDelayMs = 500;

    // Timeouts and retries may be moved by MPANEL_NAMESILO_TIMEOUT_MS and
    // MPANEL_NAMESILO_RETRY_DELAY_MS (tests).
    static NamesiloSettings withEnvironment(NamesiloSettings settings);

    Status validate() const;
    ProviderCallSettings callSettings() const;
    // The path an operation is sent to below the API base's host: "/apibatch/registerDomain".
    QString operationPath(const QString &operation) const;
    // "Namesilo (https://www.namesilo.com/api)": never the key.
    QString describe() const;
};

} // namespace mp
