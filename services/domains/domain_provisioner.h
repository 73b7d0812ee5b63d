#pragma once

#include "module/provisioner.h"

namespace mp::domains {

// What happens to a domain subscription. Activation records the domain ('pending', or a
// transfer waiting to be sent), makes its DNS zone on the tenant's primary when there is one, and
// queues its domains.register job (unique per domain); a paid renewal queues domains.renew for
// the year paid (unique per domain and period). Suspension changes nothing at the registrar: a
// domain keeps resolving until it expires. Termination stops renewing; an expired domain then
// passes through grace and redemption (the sync job moves it), never straight to gone.
class DomainProvisioner final : public provisioning::Provisioner {
public:
    Status activated(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                     const QDateTime &now) override;
    Status renewed(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                   const QDateTime &now) override;
    Status suspended(TenantTransaction &, const provisioning::ServiceRequest &, const QDateTime &) override
    {
        return {};
    }
    Status unsuspended(TenantTransaction &, const provisioning::ServiceRequest &, const QDateTime &) override
    {
        return {};
    }
    Status cancelled(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                     const QDateTime &now) override;
    Status terminated(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                      const QDateTime &now) override;
    Result<QString> status(TenantTransaction &tx, const provisioning::ServiceRequest &request) override;
    Result<QJsonArray> services(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                                bool forStaff) override;
};

} // namespace mp::domains
