#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace mp::proxmox {

enum class ErrorKind {
    InvalidRequest,    // mPanel's own check refused the call before sending it
    Network,           // no HTTP answer: refused, reset, DNS
    Tls,               // the server's certificate is not the trusted or pinned one
    Timeout,           // no complete answer in time
    Aborted,           // the caller aborted
    Authentication,    // 401: bad or missing token (Proxmox sends an empty body)
    Permission,        // 403: the token lacks a privilege
    InvalidParameters, // 400 "Parameter verification failed." with an `errors` object
    NotImplemented,    // 501: no such path or method on this Proxmox version
    VmidExists,        // the VMID is taken (500 "CT 101 already exists ...", 400 errors.vmid)
    Server,            // 500 from a handler's die, and any other status
    InvalidResponse,   // a 2xx that is not the {"data": ...} envelope
    TaskFailed,        // the task stopped with an exitstatus other than OK / WARNINGS: n
    TaskTimeout        // the task was still running when mPanel stopped waiting
};

// What Proxmox said and where, kept apart so the provisioning worker can decide (retry, adopt,
// report) and staff read one sentence naming the node, the call and Proxmox's words.
struct ProxmoxError {
    ErrorKind kind = ErrorKind::Server;
    int httpStatus = 0;                 // 0: no HTTP answer
    QString reason;                     // the HTTP reason phrase: pre-5.2 servers put the message only here
    QString message;                    // the body's "message" (libpve-http-server-perl >= 5.2.0)
    QMap<QString, QString> paramErrors; // the body's "errors": parameter -> complaint
    QString method;                     // "POST"
    QString path;                       // "/nodes/pve1/lxc" (below the API base)
    QString node;                       // from the path, when it names one
    QString detail;                     // transport / task text

    // From an HTTP answer that is not a 2xx (proxmox.md section 1, error table).
    static ProxmoxError fromResponse(int httpStatus, const QString &reasonPhrase, const QByteArray &body,
                                     const QString &method, const QString &path);
    static ProxmoxError transport(ErrorKind kind, const QString &detail, const QString &method,
                                  const QString &path);

    // What Proxmox said, in one line: the body message, else the parameter errors, else the
    // reason phrase.
    QString proxmoxText() const;
    bool isVmidConflict() const { return kind == ErrorKind::VmidExists; }

    // code proxmox_<kind>; message "Proxmox node 'pve1': POST /nodes/pve1/lxc failed: CT 101
    // already exists on node 'pve1' (HTTP 500)"; field = the first parameter Proxmox named.
    Error toError() const;
};

ErrorCode errorKindCode(ErrorKind kind);
// The node named by an API path ("/nodes/pve1/..." -> "pve1"), else empty.
QString nodeFromPath(const QString &path);
// Finds the ProxmoxError kind a finished call's mp::Error came from (by its code).
bool isErrorKind(const Error &error, ErrorKind kind);

} // namespace mp::proxmox
