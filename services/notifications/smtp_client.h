#pragma once

#include "notifications/mail_message.h"
#include "notifications/mail_settings.h"

#include <QString>

namespace mp::notifications {

// Where and how to hand mail over.
struct SmtpRelay {
    QString host;
    int port = 587;
    TlsMode tlsMode = TlsMode::StartTls;
    QString user;
    QString password;
    QString caFile; // empty: the system's CAs
    int connectTimeoutS = 15;
    int timeoutS = 60;

    static SmtpRelay from(const MailSettings &settings, const QString &caFile);
};

struct SmtpOutcome {
    bool sent = false;
    // The relay refused the message for good (a 5xx to MAIL, RCPT or DATA that no retry will
    // change); authentication and connection problems are not permanent: staff fix the settings.
    bool permanent = false;
    long responseCode = 0; // the relay's last reply code, 0 when it never answered
    QString error;         // curl's description with the relay's reply; never the password
};

// Hands one message to an SMTP relay with libcurl (STARTTLS or implicit TLS, AUTH, MIME built by
// curl's mime API). Blocking: it runs on a job worker's thread, never on the console's or the
// HTTP server's. Thread-safe; each call uses its own curl handle.
class SmtpClient {
public:
    static SmtpOutcome send(const SmtpRelay &relay, const MailMessage &message);
};

} // namespace mp::notifications
