#pragma once

#include "api/request_body.h"
#include "core/result.h"
#include "domains/registrar.h"
#include "namesilo/namesilo_settings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace mp {
class TenantTransaction;
}

namespace mp::domains {

// The tenant's registrar account (one per tenant; Namesilo today). The API key is write-only:
// answers say only that one is set.
struct RegistrarAccount {
    QString registrar; // "namesilo"
    NamesiloSettings namesilo;
    QString paymentId;
    QDateTime updatedAt;

    QJsonObject toJson() const;
};

class RegistrarAccounts {
public:
    static const api::RequestBody &body();
    // domains_no_registrar when the tenant has none.
    static Result<RegistrarAccount> read(const QSqlDatabase &db);
    static Result<RegistrarAccount> write(TenantTransaction &tx, const api::BodyValues &body,
                                          const QDateTime &now);
    // The tenant's registrar, ready to call from a worker thread; `stopRequested` aborts a call.
    static Result<std::unique_ptr<Registrar>> open(const QSqlDatabase &db,
                                                   std::function<bool()> stopRequested = {});
    static std::unique_ptr<Registrar> make(const RegistrarAccount &account,
                                           std::function<bool()> stopRequested = {});
};

} // namespace mp::domains
