#pragma once

#include "api/body_values.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mp {
class TenantTransaction;
}

namespace mp::notifications {

enum class TlsMode { StartTls, Tls, None };

QString toString(TlsMode mode);
QStringList tlsModeNames();

// A tenant's sender address and SMTP relay. The password is write-only: it is read only to send
// (never answered by the API, never logged; staff logins cannot even select it).
struct MailSettings {
    QString fromAddress;
    QString fromName;
    QString replyTo;
    QString host;
    int port = 587;
    TlsMode tlsMode = TlsMode::StartTls;
    QString user;
    QString password; // filled by loadForSending() only
    bool passwordSet = false;
    int maxAttempts = 8;
    int renewalNoticeDays = 7;
    bool enabled = true;
    QDateTime updatedAt;

    // The API's answer: everything but the password, which is only said to be set or not.
    QJsonObject toJson() const;
};

class MailSettingsStore {
public:
    // nullopt: the tenant has not set up mail yet.
    static Result<std::optional<MailSettings>> load(TenantTransaction &tx);
    static Result<std::optional<MailSettings>> loadForSending(TenantTransaction &tx);
    // Replaces the settings from a decoded body (mailSettingsBody()); an absent smtp_password
    // keeps the stored one, null clears it. Refused with the field named when a value is wrong.
    static Result<MailSettings> save(TenantTransaction &tx, const api::BodyValues &body,
                                     const QDateTime &now);
    // The renewal notice lead time, also without settings (the default then).
    static Result<int> renewalNoticeDays(TenantTransaction &tx);
};

// Whether `host` is this machine (a relay without TLS is accepted only there).
bool isLoopbackHost(const QString &host);
// A plain addr-spec check (local@domain): enough to refuse typos; the relay decides the rest.
bool isMailAddress(const QString &address);

} // namespace mp::notifications
