#include "proxmox/proxmox_error.h"

#include "proxmox/proxmox_errors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace mp::proxmox {

ErrorCode errorKindCode(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidRequest:
        return errors::ProxmoxInvalidRequest;
    case ErrorKind::Network:
        return errors::ProxmoxNetwork;
    case ErrorKind::Tls:
        return errors::ProxmoxTls;
    case ErrorKind::Timeout:
        return errors::ProxmoxTimeout;
    case ErrorKind::Aborted:
        return errors::ProxmoxAborted;
    case ErrorKind::Authentication:
        return errors::ProxmoxAuthentication;
    case ErrorKind::Permission:
        return errors::ProxmoxPermission;
    case ErrorKind::InvalidParameters:
        return errors::ProxmoxInvalidParameters;
    case ErrorKind::NotImplemented:
        return errors::ProxmoxNotImplemented;
    case ErrorKind::VmidExists:
        return errors::ProxmoxVmidExists;
    case ErrorKind::Server:
        return errors::ProxmoxServerError;
    case ErrorKind::InvalidResponse:
        return errors::ProxmoxInvalidResponse;
    case ErrorKind::TaskFailed:
        return errors::ProxmoxTaskFailed;
    case ErrorKind::TaskTimeout:
        return errors::ProxmoxTaskTimeout;
    }
    return errors::ProxmoxServerError;
}

bool isErrorKind(const Error &error, ErrorKind kind)
{
    return error.code == errorKindCode(kind);
}

QString nodeFromPath(const QString &path)
{
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    if (segments.size() >= 2 && segments.at(0) == QLatin1String("nodes"))
        return segments.at(1);
    return {};
}

static bool mentionsExistingVmid(const QString &text)
{
    // "CT 101 already exists on node 'pve1'", "VM 104 already exists", "unable to create VM 105:
    // config file already exists" (proxmox.md section 4).
    return text.contains(QLatin1String("already exists"));
}

ProxmoxError ProxmoxError::fromResponse(int httpStatus, const QString &reasonPhrase, const QByteArray &body,
                                        const QString &method, const QString &path)
{
    ProxmoxError e;
    e.httpStatus = httpStatus;
    e.reason = reasonPhrase.trimmed();
    e.method = method;
    e.path = path;
    e.node = nodeFromPath(path);
    // 401 answers have an empty body; older servers send no "message" (proxmox.md section 1).
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    e.message = object.value(QLatin1String("message")).toString().trimmed();
    const QJsonObject errors = object.value(QLatin1String("errors")).toObject();
    for (auto it = errors.constBegin(); it != errors.constEnd(); ++it)
        e.paramErrors.insert(it.key(), it.value().toVariant().toString().trimmed());

    switch (httpStatus) {
    case 400:
        e.kind = ErrorKind::InvalidParameters;
        break;
    case 401:
        e.kind = ErrorKind::Authentication;
        break;
    case 403:
        e.kind = ErrorKind::Permission;
        break;
    case 501:
        e.kind = ErrorKind::NotImplemented;
        break;
    default:
        e.kind = ErrorKind::Server;
        break;
    }
    // The VMID is taken: 500 from create/clone, or 400 with errors.vmid / errors.newid.
    if (httpStatus == 400 || httpStatus == 500) {
        bool taken = mentionsExistingVmid(e.paramErrors.value(QStringLiteral("vmid"))) ||
                     mentionsExistingVmid(e.paramErrors.value(QStringLiteral("newid")));
        if (httpStatus == 500)
            taken = taken || mentionsExistingVmid(e.message) || mentionsExistingVmid(e.reason);
        if (taken)
            e.kind = ErrorKind::VmidExists;
    }
    return e;
}

ProxmoxError ProxmoxError::transport(ErrorKind kind, const QString &detail, const QString &method,
                                     const QString &path)
{
    ProxmoxError e;
    e.kind = kind;
    e.detail = detail;
    e.method = method;
    e.path = path;
    e.node = nodeFromPath(path);
    return e;
}

QString ProxmoxError::proxmoxText() const
{
    if (!paramErrors.isEmpty()) {
        QStringList parts;
        for (auto it = paramErrors.constBegin(); it != paramErrors.constEnd(); ++it)
            parts.append(QStringLiteral("%1: %2").arg(it.key(), it.value()));
        const QString head = message.isEmpty() ? reason : message;
        return (head.isEmpty() ? QString() : head + u' ') + parts.join(QStringLiteral("; "));
    }
    if (!message.isEmpty())
        return message;
    if (!reason.isEmpty())
        return reason;
    return detail;
}

Error ProxmoxError::toError() const
{
    const QString where =
        node.isEmpty() ? QStringLiteral("Proxmox") : QStringLiteral("Proxmox node '%1'").arg(node);
    const QString call = method.isEmpty() ? path : QStringLiteral("%1 %2").arg(method, path);
    QString text;
    switch (kind) {
    case ErrorKind::Network:
    case ErrorKind::Tls:
    case ErrorKind::Timeout:
    case ErrorKind::Aborted:
    case ErrorKind::InvalidRequest:
    case ErrorKind::InvalidResponse:
    case ErrorKind::TaskFailed:
    case ErrorKind::TaskTimeout:
        text = detail;
        break;
    case ErrorKind::Authentication:
        text = QStringLiteral("the API token was refused (%1)")
                   .arg(reason.isEmpty() ? QStringLiteral("HTTP 401") : reason);
        break;
    default:
        text = QStringLiteral("%1 (HTTP %2)").arg(proxmoxText()).arg(httpStatus);
        break;
    }
    if (!detail.isEmpty() && httpStatus != 0 && text != detail)
        text += QStringLiteral("; ") + detail;
    const QString field = paramErrors.isEmpty() ? QString() : paramErrors.firstKey();
    // A task's own text already names it ("task vzcreate for 101 failed: ..."); its UPID would
    // only make the sentence longer.
    if (method == QLatin1String("task"))
        return makeError(errorKindCode(kind), QStringLiteral("%1: %2").arg(where, text), field);
    return makeError(errorKindCode(kind), QStringLiteral("%1: %2 failed: %3").arg(where, call, text), field);
}

} // namespace mp::proxmox
