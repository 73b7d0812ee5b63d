#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mp {

// An ACME problem document (RFC 8555 section 6.7; RFC 7807) turned into an Error people can read:
// "<what> was refused by the CA: <detail> (rateLimited)", with each subproblem's identifier and
// detail appended, and the code chosen by its type (badNonce, rateLimited, unauthorized,
// accountDoesNotExist, serverInternal; every other type is acme_rejected).
struct AcmeProblem {
    QString type; // the part after urn:ietf:params:acme:error:, or the whole type if another
    QString detail;
    QStringList subproblems; // "www.example.test: detail"
    int status = 0;

    static AcmeProblem parse(const QByteArray &body, int httpStatus);
    Error toError(const QString &what) const;
};

// The code for a problem type; also for a challenge's or an order's embedded "error" object.
Error acmeProblemError(const QJsonObject &problem, const QString &what);

} // namespace mp
