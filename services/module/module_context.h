#pragma once

#include "billing/invoice_detail_parts.h"
#include "billing/invoice_paid.h"
#include "jobs/job_context.h"
#include "jobs/job_schedule.h"
#include "module/domain_events.h"
#include "module/product_type.h"
#include "module/provider_source.h"
#include "module/service_events.h"
#include "tenancy/role_matrix.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace mp {

class ApiContext;
class ModuleRegistry;
class Router;

using RouteInstaller = std::function<void(Router &router, ApiContext &context)>;

// What a module registers while it is declared (Module::declare). Each call puts one thing where
// the rest of the system finds it: routes in every router the service builds, the OpenAPI part
// in the served document, job kinds and schedules in the engine's registry, product types in
// the catalog's list, hooks in billing. The context remembers which module registered what.
class ModuleContext {
public:
    ModuleContext(ModuleRegistry &registry, QString module);

    const QString &moduleName() const { return m_module; }

    // Routes are installed into each Router the service (or a test) builds.
    void routes(RouteInstaller installer);
    // This module's paths and schemas: {"paths": {...}, "components": {...}}.
    void openApi(const QJsonObject &fragment);
    // A part computed when the document is served (e.g. an enum of every declared product type).
    void openApi(std::function<QJsonObject()> fragment);
    void jobKind(const QString &kind, JobHandler handler);
    void schedule(const JobSchedule &schedule);
    // A product type this module sells, with its provisioner.
    void productType(provisioning::ProductType type);
    // Runs in the transaction that marks an invoice paid, after billing's own effects.
    void onInvoicePaid(billing::InvoicePaidHook hook);
    // Adds to an invoice as the invoice detail route answers it.
    void invoiceDetail(billing::InvoiceDetailPart part);
    // Listens to a domain event another module announces (module/domain_events.h).
    void on(const QString &event, events::Listener listener);
    // A provider this module calls, for GET /api/system/providers and the console's status bar.
    void provider(ProviderSource source);
    // The staff action each of the module's write routes ("METHOD /pattern") takes, for the role
    // matrix; a write route left out is refused by tst_role_matrix.
    void staffWrites(StaffAction action, const QStringList &routes);
    // Runs when a provisioned service comes up with its addresses, or is gone for good
    // (provisioning::ServiceEvents), in the transaction that records it.
    void onServiceOnline(provisioning::ServiceOnlineHook hook);
    void onServiceGone(provisioning::ServiceGoneHook hook);

private:
    ModuleRegistry &m_registry;
    QString m_module;
};

} // namespace mp
