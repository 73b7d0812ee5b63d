#include "module/module_context.h"

#include "api/openapi.h"
#include "core/json_log.h"
#include "jobs/job_registry.h"
#include "module/module_registry.h"
#include "module/product_types.h"

namespace mp {

namespace {

// A second declaration of one name is a programming error in a module: said loudly in the log,
// the first one kept.
void refused(const QString &module, const QString &what, const QString &name)
{
    JsonLog::write(QStringLiteral("module_declaration_refused"),
                   {{QStringLiteral("module"), module},
                    {QStringLiteral("what"), what},
                    {QStringLiteral("name"), name},
                    {QStringLiteral("message"), QStringLiteral("already declared by another module")}});
}

} // namespace

ModuleContext::ModuleContext(ModuleRegistry &registry, QString module)
    : m_registry(registry), m_module(std::move(module))
{
}

void ModuleContext::routes(RouteInstaller installer)
{
    m_registry.addRoutes(m_module, std::move(installer));
}

void ModuleContext::openApi(const QJsonObject &fragment)
{
    api::OpenApi::addFragment(fragment);
}

void ModuleContext::openApi(std::function<QJsonObject()> fragment)
{
    api::OpenApi::addFragmentProvider(m_module, std::move(fragment));
}

void ModuleContext::jobKind(const QString &kind, JobHandler handler)
{
    JobRegistry &jobs = JobRegistry::global();
    if (jobs.contains(kind)) {
        refused(m_module, QStringLiteral("job kind"), kind);
        return;
    }
    jobs.add(kind, std::move(handler));
    m_registry.noteOwner(m_module, QStringLiteral("job:") + kind);
}

void ModuleContext::schedule(const JobSchedule &schedule)
{
    if (!JobRegistry::global().addSchedule(schedule))
        refused(m_module, QStringLiteral("schedule"), schedule.name);
}

void ModuleContext::productType(provisioning::ProductType type)
{
    const QString id = type.id;
    if (!provisioning::ProductTypes::global().add(std::move(type))) {
        refused(m_module, QStringLiteral("product type"), id);
        return;
    }
    m_registry.noteOwner(m_module, QStringLiteral("product_type:") + id);
}

void ModuleContext::onInvoicePaid(billing::InvoicePaidHook hook)
{
    billing::InvoicePaidHooks::add(m_module, std::move(hook));
}

void ModuleContext::invoiceDetail(billing::InvoiceDetailPart part)
{
    billing::InvoiceDetailParts::add(m_module, std::move(part));
}

void ModuleContext::onServiceOnline(provisioning::ServiceOnlineHook hook)
{
    provisioning::ServiceEvents::onOnline(m_module, std::move(hook));
}

void ModuleContext::onServiceGone(provisioning::ServiceGoneHook hook)
{
    provisioning::ServiceEvents::onGone(m_module, std::move(hook));
}

void ModuleContext::on(const QString &event, events::Listener listener)
{
    events::DomainEvents::listen(m_module, event, std::move(listener));
}

void ModuleContext::staffWrites(StaffAction action, const QStringList &routes)
{
    RoleMatrix::addRoutes(action, routes);
}

void ModuleContext::provider(ProviderSource source)
{
    m_registry.addProvider(m_module, std::move(source));
}

} // namespace mp
