#pragma once

#include "api/request_body.h"
#include "core/result.h"
#include "mail/mail_rows.h"

#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::mail {

// The tenant's mail hosts. Registering one records which PostgreSQL login its Postfix and
// Dovecot use (the operator makes that login a member of mpanel_mail_reader).
class MailHosts {
public:
    static const api::RequestBody &body();
    static Result<QList<MailHost>> list(const QSqlDatabase &db);
    static Result<MailHost> create(TenantTransaction &tx, const api::BodyValues &body, const QDateTime &now);
    // The host new domains go to: the given one (checked), else the tenant's default.
    static Result<QString> pick(const QSqlDatabase &db, const QString &hostId);
};

} // namespace mp::mail
