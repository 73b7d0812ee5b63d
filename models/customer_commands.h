#pragma once

#include "customers/customer.h"
#include "staff_command.h"

namespace mp {

// The change-feed channel of the customers table (migration 0008).
namespace channels {
inline const QString customers = QStringLiteral("mpanel_changed_customers");
} // namespace channels

// The Customers section's commands (contract in staff_command.h).
namespace commands {

void saveCustomer(ConsoleSession *session, QObject *context, const QString &id,
                  const customers::CustomerDraft &draft, Reply<customers::Customer> reply);
void loadCustomer(ConsoleSession *session, QObject *context, const QString &id,
                  Reply<customers::Customer> reply);

} // namespace commands
} // namespace mp
