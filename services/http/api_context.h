#pragma once

#include "core/config.h"
#include "core/result.h"
#include "db/tenant_transaction.h"
#include "http/http_message.h"
#include "tenancy/staff_role.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace mp {

// Who is calling the API, once their bearer token checked out.
struct Caller {
    enum class Kind { Staff, Customer };
    Kind kind = Kind::Staff;
    QString tenantId;
    StaffRole role = StaffRole::ReadOnly; // staff only
    qint64 tokenId = 0;
    QString customerId; // customer only: the customers.id uuid
};

inline bool isStaff(const Caller &caller)
{
    return caller.kind == Caller::Kind::Staff;
}

// How audit trails and job logs name whoever acted through the API.
inline QString actorOf(const Caller &caller)
{
    return isStaff(caller) ? QStringLiteral("staff token %1").arg(caller.tokenId)
                           : QStringLiteral("customer %1").arg(caller.customerId);
}

// What every API module's handlers share: the service's database connection for the calling
// thread, token authentication, and running a unit of work inside one tenant-scoped
// transaction so row-level security, not handler code, keeps tenants apart.
class ApiContext {
public:
    explicit ApiContext(std::function<QSqlDatabase()> database) : m_database(std::move(database)) {}

    QSqlDatabase database() const { return m_database(); }
    // The service's configuration, for modules whose routes need settings (Stripe keys, URLs).
    // Set before the modules register their routes; empty in tests that need none.
    const Config &config() const { return m_config; }
    void setConfig(Config config) { m_config = std::move(config); }

    // Resolves the bearer token to a caller. Errors are ready-made 401 responses.
    Result<Caller> authenticate(const HttpRequest &request) const;
    // Customer tokens plug in here (the customer accounts module registers a resolver).
    void
    setCustomerTokenResolver(std::function<Result<Caller>(const QSqlDatabase &, const QString &)> resolver)
    {
        m_customerResolver = std::move(resolver);
    }

    // Authenticates, checks the caller is staff (with write rights when `write`), opens a
    // tenant transaction, runs `work`, and commits when `work` answered 2xx; anything else
    // rolls back. Database failures answer 500 without leaking SQL to the client.
    using TenantWork = std::function<HttpResponse(TenantTransaction &, const Caller &)>;
    HttpResponse asStaff(const HttpRequest &request, bool write, const TenantWork &work) const;
    // Same for any authenticated caller (staff or customer); `work` enforces customer scope.
    HttpResponse asCaller(const HttpRequest &request, bool write, const TenantWork &work) const;
    // Whether `caller` may make the change `request` asks for: the role matrix (tenancy/role_matrix.h)
    // for staff, looked up by the request's route; a 403-ready error if not. asCaller and asStaff
    // check it for every write; a route that authenticates by itself calls it.
    static Status mayChange(const Caller &caller, const HttpRequest &request);
    // Runs `work` for an already-known caller.
    HttpResponse inTenant(const Caller &caller, const TenantWork &work) const;

private:
    std::function<QSqlDatabase()> m_database;
    Config m_config;
    std::function<Result<Caller>(const QSqlDatabase &, const QString &)> m_customerResolver;
};

// Parses a JSON object body. Malformed JSON, a non-object, or a field outside `allowed`
// is a 400 naming the offending field.
Result<QJsonObject> parseJsonBody(const HttpRequest &request, const QStringList &allowed);
// The HTTP status for an error the services return: one per kind (NotFound -> 404...).
int statusForError(const Error &error);

} // namespace mp
