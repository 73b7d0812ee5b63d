#include "catalog_commands.h"

#include "catalog/cloudpod_templates.h"

namespace mp::commands {

void saveProduct(ConsoleSession *session, QObject *context, const QString &id,
                 const catalog::ProductDraft &draft, Reply<catalog::Product> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageCatalog,
        [id, draft](TenantTransaction &tx) {
            return id.isEmpty() ? catalog::Products::create(tx, draft)
                                : catalog::Products::update(tx, id, draft);
        },
        std::move(reply));
}

void removeProduct(ConsoleSession *session, QObject *context, const QString &id,
                   Reply<catalog::RemoveOutcome> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageCatalog,
        [id](TenantTransaction &tx) { return catalog::Products::remove(tx, id); }, std::move(reply));
}

void loadProduct(ConsoleSession *session, QObject *context, const QString &id, Reply<catalog::Product> reply)
{
    runStaffCommand(
        session, context, [id](TenantTransaction &tx) { return catalog::Products::find(tx, id); },
        std::move(reply));
}

void loadTemplates(ConsoleSession *session, QObject *context, Reply<QList<catalog::CloudPodTemplate>> reply)
{
    runStaffCommand(
        session, context, [](TenantTransaction &tx) { return catalog::CloudPodTemplates::list(tx); },
        std::move(reply));
}

} // namespace mp::commands
