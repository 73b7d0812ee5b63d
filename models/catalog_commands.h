#pragma once

#include "catalog/cloudpod_template.h"
#include "catalog/product.h"
#include "catalog/products.h"
#include "staff_command.h"

namespace mp {

// The change-feed channels of the catalog's tables (migration 0008).
namespace channels {
inline const QString products = QStringLiteral("mpanel_changed_products");
inline const QString cloudPodTemplates = QStringLiteral("mpanel_changed_cloudpod_templates");
} // namespace channels

// The Catalog section's commands (contract in staff_command.h).
namespace commands {

void saveProduct(ConsoleSession *session, QObject *context, const QString &id,
                 const catalog::ProductDraft &draft, Reply<catalog::Product> reply);
void removeProduct(ConsoleSession *session, QObject *context, const QString &id,
                   Reply<catalog::RemoveOutcome> reply);
void loadProduct(ConsoleSession *session, QObject *context, const QString &id, Reply<catalog::Product> reply);
void loadTemplates(ConsoleSession *session, QObject *context, Reply<QList<catalog::CloudPodTemplate>> reply);

} // namespace commands
} // namespace mp
