#pragma once

#include "core/config.h"

#include <QString>

namespace mp::notifications {

// The service settings mail needs outside a tenant's relay settings: where customers reach the
// panel (links in mails) and an extra CA bundle for relays with a private CA (tests use one).
// The job handlers get no Config, so the module keeps the one its routes were installed with;
// without one (a test that installs no routes) the process environment is read.
class NotificationEnvironment {
public:
    static void adopt(const Config &config);
    // MPANEL_PUBLIC_URL (default http:// + MPANEL_LISTEN), without a trailing slash.
    static QString publicUrl();
    // MPANEL_SMTP_CA_FILE: PEM CAs trusted for relays besides the system's; empty: system only.
    static QString smtpCaFile();
};

} // namespace mp::notifications
