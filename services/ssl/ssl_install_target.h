#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace mp::ssl {

// What an install target gets: the certificate's names, its chain (leaf first) and its private
// key, in the clear only in the service's memory and in the files the target writes.
struct InstallBundle {
    QString certificateId;
    QString serial;
    QStringList names;
    QByteArray chainPem;
    QByteArray keyPem;
};

// Where an issued certificate goes, chosen by MPANEL_SSL_TARGET: "nginx" (the shipped target: a
// file set and a server block per certificate plus a reload, SslNginxTarget), "hook" (a command
// of the operator's, SslHookTarget) or "none" (the default: certificates are only recorded).
class SslInstallTarget {
public:
    virtual ~SslInstallTarget() = default;
    virtual QString describe() const = 0;
    // Puts the bundle in place and makes the server use it; safe to repeat.
    virtual Status install(const InstallBundle &bundle) = 0;

    // The configured target; nullptr for none.
    static Result<std::unique_ptr<SslInstallTarget>> configured();

protected:
    // Runs `command` (split like a shell would, no shell) with `arguments` after its own; an
    // error with its output when it fails or runs longer than MPANEL_SSL_COMMAND_TIMEOUT_MS.
    static Status run(const QString &what, const QString &command, const QStringList &arguments = {});
    // Writes `data` to `path` through a temporary file and a rename, with the file mode `mode`
    // (0600) and the group `group` when one is named, both set before a byte is written.
    static Status writeFile(const QString &path, const QByteArray &data, int mode, const QString &group = {});
};

} // namespace mp::ssl
