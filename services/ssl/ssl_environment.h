#pragma once

#include "acme/acme_settings.h"
#include "core/config.h"
#include "core/result.h"

#include <QByteArray>

namespace mp::ssl {

// The service settings the SSL jobs need: the ACME CA (AcmeSettings::fromConfig) and the key
// private keys are sealed with. Job handlers get no Config, so the module keeps the one its
// routes were installed with; without one (a test that installs no routes) the process
// environment is read.
class SslEnvironment {
public:
    static void adopt(const Config &config);
    static Result<AcmeSettings> acme();
    // MPANEL_SSL_KEY_SECRET (base64 of 32 bytes); else the file <data dir>/ssl-key-secret, made
    // on first use with 32 random bytes and mode 0600.
    static Result<QByteArray> sealingKey();
    // A service setting (the Config the module adopted, else the environment); `fallback` when unset.
    static QString setting(const QString &name, const QString &fallback = {});
    // Where the service listens (MPANEL_LISTEN), for a target that forwards HTTP-01 to it.
    static QString listen();
    static QString dataDir();
};

} // namespace mp::ssl
