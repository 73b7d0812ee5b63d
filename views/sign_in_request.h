#pragma once

#include <QString>

namespace mp {

// What the person typed into the sign-in dialog.
struct SignInRequest {
    bool embedded = false; // the console's own embedded database; host/port/database unused
    QString host;          // a hostname, or a Unix socket directory
    int port = 5432;
    QString database = QStringLiteral("mpanel");
    QString login;
    QString password;
    bool remember = false;

    // The keychain entry for this login on this server (never holds the password itself).
    QString keychainKey() const;
};

} // namespace mp
